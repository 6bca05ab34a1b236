namespace Ctms.HospitalSim.Data;

/// <summary>The fixed vocabularies the generator draws from: names, diagnoses, lab tests, exams, departments, drugs.</summary>
internal static class SimCatalog
{
    public const string HospitalSystem = "http://hospital.example.org/fhir/sid/";
    public const string MrnSystem = HospitalSystem + "mrn";
    public const string IdNumberSystem = "urn:oid:2.16.156.10011.1.3";
    public const string DepartmentSystem = HospitalSystem + "dept";
    public const string StaffSystem = HospitalSystem + "staff";
    public const string DrugSystem = HospitalSystem + "drug";
    public const string LabItemSystem = HospitalSystem + "lab";
    public const string ExamItemSystem = HospitalSystem + "exam";
    public const string Loinc = "http://loinc.org";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string CtmsOrderSystem = "urn:ctms:order";
    public const string PaidByTrialExtension = "http://ctms.example.org/fhir/StructureDefinition/paid-by-trial";
    public const string ActiveExtension = "http://hospital.example.org/fhir/StructureDefinition/active";
    public const string EventTypeSystem = "http://hospital.example.org/fhir/event-type";

    public static readonly string[] Families =
    [
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
        "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo",
    ];

    public static readonly string[] MaleGiven =
    [
        "Wei", "Qiang", "Lei", "Jun", "Yong", "Jie", "Tao", "Ming", "Chao", "Xiaoming",
        "Jianguo", "Zhiqiang", "Haoran", "Yuxuan", "Hao", "Peng",
    ];

    public static readonly string[] FemaleGiven =
    [
        "Fang", "Na", "Min", "Jing", "Li", "Yan", "Xiuying", "Xiaohong", "Yuting", "Jiayi",
        "Mei", "Hui", "Ying", "Xin", "Lan", "Qian",
    ];

    public static readonly string[] Regions = ["110101", "310101", "440103", "510104", "330102", "420102", "320102", "610103"];

    public static readonly (string Code, string Display)[] Diagnoses =
    [
        ("I10", "Essential (primary) hypertension"),
        ("E11.9", "Type 2 diabetes mellitus without complications"),
        ("C34.9", "Malignant neoplasm of bronchus or lung, unspecified"),
        ("J45.9", "Asthma, unspecified"),
        ("I25.1", "Atherosclerotic heart disease"),
        ("I48.9", "Atrial fibrillation, unspecified"),
        ("I50.9", "Heart failure, unspecified"),
        ("J44.9", "Chronic obstructive pulmonary disease, unspecified"),
        ("N18.3", "Chronic kidney disease, stage 3"),
        ("E78.5", "Hyperlipidaemia, unspecified"),
        ("K74.6", "Other and unspecified cirrhosis of liver"),
        ("C16.9", "Malignant neoplasm of stomach, unspecified"),
        ("C18.9", "Malignant neoplasm of colon, unspecified"),
        ("C50.9", "Malignant neoplasm of breast, unspecified"),
        ("C22.0", "Liver cell carcinoma"),
        ("M06.9", "Rheumatoid arthritis, unspecified"),
        ("G20", "Parkinson disease"),
        ("F32.9", "Depressive episode, unspecified"),
        ("B18.1", "Chronic viral hepatitis B without delta-agent"),
        ("I63.9", "Cerebral infarction, unspecified"),
    ];

    /// <summary>Lab tests: LOINC code, display, UCUM unit, reference range, the spread of values and decimals shown.</summary>
    public static readonly LabTest[] LabTests =
    [
        new("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 12.0m, 17.5m, 1),
        new("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 70m, 99m, 0),
        new("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.6m, 1.3m, 2),
        new("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 7m, 56m, 0),
        new("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 10m, 40m, 0),
        new("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", 4.0m, 11.0m, 1),
        new("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", 150m, 400m, 0),
        new("789-8", "Erythrocytes [#/volume] in Blood by Automated count", "10*6/uL", 4.2m, 5.9m, 2),
        new("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 135m, 145m, 0),
        new("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 3.5m, 5.1m, 1),
        new("3094-0", "Urea nitrogen [Mass/volume] in Serum or Plasma", "mg/dL", 7m, 20m, 0),
        new("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "mg/dL", 0.1m, 1.2m, 1),
        new("1751-7", "Albumin [Mass/volume] in Serum or Plasma", "g/dL", 3.5m, 5.5m, 1),
        new("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", 125m, 200m, 0),
        new("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL", 40m, 150m, 0),
        new("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 4.0m, 5.6m, 1),
        new("6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", 0.8m, 1.2m, 2),
        new("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "mg/L", 0m, 10m, 1),
        new("2857-1", "Prostate specific Ag [Mass/volume] in Serum or Plasma", "ng/mL", 0m, 4m, 2),
        new("2039-6", "Carcinoembryonic Ag [Mass/volume] in Serum or Plasma", "ng/mL", 0m, 5m, 2),
    ];

    /// <summary>Exams: LOINC code, display, DiagnosticReport category and the conclusions a report may carry.</summary>
    public static readonly ExamTest[] ExamTests =
    [
        new("36643-5", "XR Chest 2 Views", "radiology",
            ["No acute cardiopulmonary abnormality.", "Mild cardiomegaly.", "Right lower lobe opacity, suggest follow-up."]),
        new("11524-6", "EKG study", "cardiology",
            ["Normal sinus rhythm.", "Sinus tachycardia.", "Atrial fibrillation with controlled ventricular rate."]),
        new("24627-2", "CT Chest", "radiology",
            ["No suspicious pulmonary nodule.", "Spiculated mass in the right upper lobe, 2.3 cm.", "Stable post-treatment changes."]),
    ];

    public static readonly (string Name, string Alias)[] DepartmentNames =
    [
        ("Cardiology", "心内科"), ("Respiratory Medicine", "呼吸内科"), ("Gastroenterology", "消化内科"),
        ("Endocrinology", "内分泌科"), ("Nephrology", "肾内科"), ("Neurology", "神经内科"), ("Hematology", "血液科"),
        ("Medical Oncology", "肿瘤内科"), ("Rheumatology", "风湿免疫科"), ("Infectious Diseases", "感染科"),
        ("General Surgery", "普通外科"), ("Thoracic Surgery", "胸外科"), ("Cardiac Surgery", "心脏外科"),
        ("Neurosurgery", "神经外科"), ("Orthopedics", "骨科"), ("Urology", "泌尿外科"), ("Obstetrics", "产科"),
        ("Gynecology", "妇科"), ("Pediatrics", "儿科"), ("Ophthalmology", "眼科"), ("Otolaryngology", "耳鼻喉科"),
        ("Dermatology", "皮肤科"), ("Psychiatry", "精神科"), ("Emergency", "急诊科"), ("Intensive Care", "重症医学科"),
        ("Anesthesiology", "麻醉科"), ("Radiology", "放射科"), ("Ultrasound", "超声科"), ("Nuclear Medicine", "核医学科"),
        ("Clinical Laboratory", "检验科"), ("Pathology", "病理科"), ("Pharmacy", "药剂科"), ("Rehabilitation", "康复科"),
        ("Traditional Chinese Medicine", "中医科"), ("Geriatrics", "老年科"), ("Stomatology", "口腔科"),
        ("Radiation Oncology", "放疗科"), ("Interventional Radiology", "介入科"), ("Clinical Trial Office", "药物临床试验机构办公室"),
        ("Phase I Unit", "I期临床试验研究室"),
    ];

    public static readonly (string Code, string Display)[] StaffRoles =
    [
        ("doctor", "Physician"), ("nurse", "Nurse"), ("pharmacist", "Pharmacist"),
        ("labtech", "Laboratory technician"), ("crc", "Clinical research coordinator"),
    ];

    public static readonly string[] DrugNames =
    [
        "Amlodipine", "Metformin", "Atorvastatin", "Aspirin", "Clopidogrel", "Omeprazole", "Metoprolol", "Losartan",
        "Insulin glargine", "Salbutamol", "Budesonide", "Cisplatin", "Carboplatin", "Paclitaxel", "Docetaxel",
        "Gemcitabine", "Pemetrexed", "Osimertinib", "Gefitinib", "Capecitabine", "Oxaliplatin", "Ceftriaxone",
        "Levofloxacin", "Amoxicillin", "Heparin", "Enoxaparin", "Warfarin", "Furosemide", "Spironolactone",
        "Prednisone", "Methylprednisolone", "Dexamethasone", "Ondansetron", "Morphine", "Tramadol", "Paracetamol",
        "Ibuprofen", "Entecavir", "Tenofovir", "Levothyroxine",
    ];

    public static readonly (string Code, string Display)[] DrugForms =
    [
        ("TAB", "Tablet"), ("CAP", "Capsule"), ("INJ", "Injection"), ("SOL", "Oral solution"), ("INH", "Inhalation"),
    ];

    public static readonly string[] Strengths = ["1 mg", "5 mg", "10 mg", "20 mg", "50 mg", "100 mg", "250 mg", "500 mg"];
}

/// <summary>A lab test the hospital runs.</summary>
internal sealed record LabTest(string Loinc, string Display, string Unit, decimal Low, decimal High, int Decimals);

/// <summary>An exam the hospital performs.</summary>
internal sealed record ExamTest(string Loinc, string Display, string Category, string[] Conclusions);
