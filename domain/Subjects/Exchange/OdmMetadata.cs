using System.Globalization;
using System.Xml.Linq;
using Ctms.Domain.Subjects.Protocol;
using Ctms.Domain.Subjects.Safety;

namespace Ctms.Domain.Subjects.Exchange;

/// <summary>The MetaDataVersion of the ODM export: visits, released e-CRF page versions with their items, and the AE log.</summary>
internal sealed class OdmMetadata(IReadOnlyList<VisitDefinition> visits, IReadOnlyList<EcrfPage> pages)
{
    private static readonly XNamespace Odm = ExportOdmHandler.Odm;
    private readonly Dictionary<(string, int), IReadOnlyList<OdmItem>> _items = pages.ToDictionary(p => (p.Code, p.Version), p => OdmItems.Of(p.Schema));

    public static string EventOid(string visit) => "SE." + OdmItems.Oid(visit);
    public static string FormOid(string page, int version) => $"F.{OdmItems.Oid(page)}.V{version}";
    public static string GroupOid(string page, int version) => $"IG.{OdmItems.Oid(page)}.V{version}";
    public static string ItemOid(string page, int version, string key) => $"IT.{OdmItems.Oid(page)}.V{version}.{OdmItems.Oid(key)}";
    private static string CodeListOid(string page, int version, string key) => $"CL.{OdmItems.Oid(page)}.V{version}.{OdmItems.Oid(key)}";

    public bool HasForm(string page, int version) => _items.ContainsKey((page, version));

    public IReadOnlyList<OdmItem> Items(string page, int version) => _items.TryGetValue((page, version), out var items) ? items : [];

    public XElement Build(string oid, string name)
    {
        // A visit lists the newest released version of each of its pages (older versions keep their data and their FormDef).
        var latest = pages.Where(p => p.Status == EcrfPageStatus.Released).GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.Max(p => p.Version));
        var mdv = new XElement(Odm + "MetaDataVersion", new XAttribute("OID", oid), new XAttribute("Name", name),
            new XElement(Odm + "Protocol",
                visits.Select((v, i) => Ref("StudyEventRef", "StudyEventOID", EventOid(v.Code), i + 1)),
                Ref("StudyEventRef", "StudyEventOID", "SE.AE", visits.Count + 1, mandatory: false)));
        foreach (var visit in visits)
        {
            mdv.Add(new XElement(Odm + "StudyEventDef", new XAttribute("OID", EventOid(visit.Code)), new XAttribute("Name", visit.Name),
                new XAttribute("Repeating", "No"), new XAttribute("Type", "Scheduled"),
                visit.EcrfPageCodes.Where(latest.ContainsKey).Distinct().Select((code, i) => Ref("FormRef", "FormOID", FormOid(code, latest[code]), i + 1))));
        }
        mdv.Add(new XElement(Odm + "StudyEventDef", new XAttribute("OID", "SE.AE"), new XAttribute("Name", "Adverse events"),
            new XAttribute("Repeating", "Yes"), new XAttribute("Type", "Common"), Ref("FormRef", "FormOID", "F.AE", 1)));
        foreach (var page in pages)
        {
            mdv.Add(new XElement(Odm + "FormDef", new XAttribute("OID", FormOid(page.Code, page.Version)),
                new XAttribute("Name", $"{page.Title} (v{page.Version})"), new XAttribute("Repeating", "No"),
                Ref("ItemGroupRef", "ItemGroupOID", GroupOid(page.Code, page.Version), 1)));
        }
        mdv.Add(new XElement(Odm + "FormDef", new XAttribute("OID", "F.AE"), new XAttribute("Name", "Adverse event"), new XAttribute("Repeating", "Yes"),
            Ref("ItemGroupRef", "ItemGroupOID", "IG.AE", 1)));
        foreach (var page in pages)
        {
            mdv.Add(new XElement(Odm + "ItemGroupDef", new XAttribute("OID", GroupOid(page.Code, page.Version)), new XAttribute("Name", page.Title),
                new XAttribute("Repeating", "No"),
                Items(page.Code, page.Version).Select((item, i) => Ref("ItemRef", "ItemOID", ItemOid(page.Code, page.Version, item.Key), i + 1))));
        }
        mdv.Add(new XElement(Odm + "ItemGroupDef", new XAttribute("OID", "IG.AE"), new XAttribute("Name", "Adverse event"), new XAttribute("Repeating", "No"),
            AeItems.Select((item, i) => Ref("ItemRef", "ItemOID", item.Oid, i + 1))));
        foreach (var page in pages)
        {
            foreach (var item in Items(page.Code, page.Version))
            {
                mdv.Add(ItemDef(ItemOid(page.Code, page.Version, item.Key), item,
                    item.Options.Count > 0 ? CodeListOid(page.Code, page.Version, item.Key) : null));
            }
        }
        foreach (var (itemOid, item, codeList) in AeItems)
        {
            mdv.Add(ItemDef(itemOid, item, codeList));
        }
        foreach (var page in pages)
        {
            foreach (var item in Items(page.Code, page.Version).Where(i => i.Options.Count > 0))
            {
                mdv.Add(CodeList(CodeListOid(page.Code, page.Version, item.Key), item.Label, item.Options));
            }
        }
        mdv.Add(CodeList("CL.NY", "No / Yes", [new("N", "No"), new("Y", "Yes")]));
        mdv.Add(CodeList("CL.AEREL", "Causality", [.. Enum.GetNames<Causality>().Select(n => new OdmOption(n, n))]));
        mdv.Add(CodeList("CL.AEOUT", "Outcome", [.. Enum.GetNames<AdverseEventOutcome>().Select(n => new OdmOption(n, n))]));
        return mdv;
    }

    private static readonly IReadOnlyList<(string Oid, OdmItem Item, string? CodeList)> AeItems =
    [
        ("IT.AE.TERM", new OdmItem("term", "Adverse event term", "text", AdverseEvent.TermMax, null, null, []), null),
        ("IT.AE.STDAT", new OdmItem("onsetDate", "Onset date", "date", null, null, null, []), null),
        ("IT.AE.GRADE", new OdmItem("grade", "CTCAE grade", "integer", null, AdverseEventTerms.MinGrade, AdverseEventTerms.MaxGrade, []), null),
        ("IT.AE.SER", new OdmItem("serious", "Serious", "text", 1, null, null, []), "CL.NY"),
        ("IT.AE.REL", new OdmItem("causality", "Relationship to study treatment", "text", null, null, null, []), "CL.AEREL"),
        ("IT.AE.OUT", new OdmItem("outcome", "Outcome", "text", null, null, null, []), "CL.AEOUT"),
    ];

    private static XElement Ref(string element, string attribute, string oid, int order, bool mandatory = true) =>
        new(Odm + element, new XAttribute(attribute, oid), new XAttribute("OrderNumber", order), new XAttribute("Mandatory", mandatory ? "Yes" : "No"));

    private static XElement ItemDef(string oid, OdmItem item, string? codeList)
    {
        var element = new XElement(Odm + "ItemDef", new XAttribute("OID", oid), new XAttribute("Name", item.Key), new XAttribute("DataType", item.DataType));
        if (item.Length is { } length)
        {
            element.Add(new XAttribute("Length", length));
        }
        element.Add(new XElement(Odm + "Question", new XElement(Odm + "TranslatedText", new XAttribute(XNamespace.Xml + "lang", "en"), item.Label)));
        foreach (var (comparator, bound) in new[] { ("GE", item.Min), ("LE", item.Max) })
        {
            if (bound is { } value)
            {
                element.Add(new XElement(Odm + "RangeCheck", new XAttribute("Comparator", comparator), new XAttribute("SoftHard", "Hard"),
                    new XElement(Odm + "CheckValue", value.ToString(CultureInfo.InvariantCulture))));
            }
        }
        if (codeList is not null)
        {
            element.Add(new XElement(Odm + "CodeListRef", new XAttribute("CodeListOID", codeList)));
        }
        return element;
    }

    private static XElement CodeList(string oid, string name, IEnumerable<OdmOption> options) =>
        new(Odm + "CodeList", new XAttribute("OID", oid), new XAttribute("Name", name), new XAttribute("DataType", "text"),
            options.DistinctBy(o => o.Value).Select((o, i) => new XElement(Odm + "CodeListItem", new XAttribute("CodedValue", o.Value),
                new XAttribute("OrderNumber", i + 1),
                new XElement(Odm + "Decode", new XElement(Odm + "TranslatedText", new XAttribute(XNamespace.Xml + "lang", "en"), o.Label)))));
}
