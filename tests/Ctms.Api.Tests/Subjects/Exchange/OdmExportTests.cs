using System.Net;
using System.Net.Http.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Ctms.Api.Tests.Subjects.Safety;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Exchange;

/// <summary>The ODM 1.3.2 export validates against the official CDISC schema, with real e-CRF metadata and subject data; a broken document does not.</summary>
public sealed class OdmExportTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static readonly XNamespace Odm = "http://www.cdisc.org/ns/odm/v1.3";

    private const string VitalsSchema = """
        {"id":"vitals","type":"default","schemaVersion":16,"components":[
          {"key":"weight","type":"number","label":"Weight (kg)","decimalDigits":1,"validate":{"required":true,"min":20,"max":250}},
          {"key":"pulse","type":"number","label":"Pulse","decimalDigits":0,"validate":{"min":30,"max":220}},
          {"key":"visitDate","type":"datetime","subtype":"date","label":"Date"},
          {"key":"ecog","type":"select","label":"ECOG","values":[{"label":"0 - fully active","value":"0"},{"label":"1 - restricted","value":"1"}]},
          {"key":"comment","type":"textarea","label":"Comment","validate":{"maxLength":500}}]}
        """;

    [Fact]
    public async Task The_export_validates_against_the_ODM_1_3_2_schema_and_a_broken_document_does_not()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            var page = new EcrfPage(s.ProjectId, "VS", 1, "Vital signs", VitalsSchema, "[]", s.DataManager.UserName, app.Clock.GetUtcNow());
            page.Release(s.DataManager.UserName, app.Clock.GetUtcNow());
            db.EcrfPages.Add(page);
            var visit = new VisitDefinition(s.ProjectId, "V1", "Baseline", 1, VisitReference.Randomization, 0, 0, 2);
            visit.SetContent(["CBC"], true, ["VS"], []);
            db.VisitDefinitions.Add(visit);
            await db.SaveChangesAsync();
        }
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "ODM-" + Guid.NewGuid().ToString("N")[..8], Domain.Subjects.SubjectStatus.Enrolled);
        await SafetyKit.RecordAsync(s.Pi.Client, subject.Id, SafetyKit.Ae("Nausea", 1));

        // Only subjects.export holders; a reader without it is refused, an outsider learns nothing.
        (await s.Cra.Client.GetAsync($"/api/projects/{s.ProjectId}/odm")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Outsider.Client.GetAsync($"/api/projects/{s.ProjectId}/odm")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var response = await s.DataManager.Client.GetAsync($"/api/projects/{s.ProjectId}/odm");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var xml = await response.Content.ReadAsStringAsync();

        Validate(xml).ShouldBeEmpty();
        var doc = XDocument.Parse(xml);
        var item = doc.Descendants(Odm + "ItemDef").Single(i => (string?)i.Attribute("OID") == "IT.VS.V1.weight");
        ((string?)item.Attribute("DataType")).ShouldBe("float");
        item.Elements(Odm + "RangeCheck").Select(r => ((string?)r.Attribute("Comparator"), r.Element(Odm + "CheckValue")!.Value)).ShouldBe([("GE", "20"), ("LE", "250")]);
        doc.Descendants(Odm + "CodeList").Single(c => (string?)c.Attribute("OID") == "CL.VS.V1.ecog").Elements(Odm + "CodeListItem").Count().ShouldBe(2);
        doc.Descendants(Odm + "StudyEventDef").Single(e => (string?)e.Attribute("OID") == "SE.V1").Element(Odm + "FormRef")!.Attribute("FormOID")!.Value.ShouldBe("F.VS.V1");
        var subjectData = doc.Descendants(Odm + "SubjectData").Single();
        subjectData.Attribute("SubjectKey")!.Value.ShouldBe(subject.SubjectNumber);
        subjectData.Descendants(Odm + "ItemData").Single(i => (string?)i.Attribute("ItemOID") == "IT.AE.TERM").Attribute("Value")!.Value.ShouldBe("Nausea");
        xml.ShouldNotContain("Zhang");

        // The same validation refuses a document the schema forbids (an ItemDef without its DataType, an unknown element).
        var broken = XDocument.Parse(xml);
        broken.Descendants(Odm + "ItemDef").First().Attribute("DataType")!.Remove();
        broken.Root!.Add(new XElement(Odm + "Arm", "A"));
        Validate(broken.ToString()).Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    /// <summary>The schema errors of <paramref name="xml"/> against the official ODM 1.3.2 foundation schema, resolved locally.</summary>
    private static List<string> Validate(string xml)
    {
        var folder = SchemaFolder();
        var schemas = new XmlSchemaSet { XmlResolver = new LocalResolver(folder) };
        var errors = new List<string>();
        schemas.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                errors.Add("schema: " + e.Message);
            }
        };
        using (var reader = XmlReader.Create(Path.Combine(folder, "ODM1-3-2-foundation.xsd"), new XmlReaderSettings { XmlResolver = new LocalResolver(folder) }))
        {
            schemas.Add("http://www.cdisc.org/ns/odm/v1.3", reader);
        }
        schemas.Compile();
        errors.ShouldBeEmpty();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var validating = XmlReader.Create(new StringReader(xml), settings);
        while (validating.Read())
        {
        }
        return errors;
    }

    private static string SchemaFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Ctms.Api.Tests", "Subjects", "Exchange", "Schema");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("The ODM schema folder tests/Ctms.Api.Tests/Subjects/Exchange/Schema was not found.");
    }

    /// <summary>
    /// The attributes of the XML namespace (<c>xml:lang</c>, <c>xml:space</c>, <c>xml:base</c>, <c>xml:id</c>) as the W3C's
    /// namespace document defines them, for the ODM schema's import of <c>xml.xsd</c> (not kept as a file; see the README).
    /// </summary>
    private const string XmlNamespaceSchema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace" xml:lang="en">
          <xs:attribute name="lang"><xs:simpleType><xs:union memberTypes="xs:language"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value=""/></xs:restriction></xs:simpleType></xs:union></xs:simpleType></xs:attribute>
          <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType></xs:attribute>
          <xs:attribute name="base" type="xs:anyURI"/>
          <xs:attribute name="id" type="xs:ID"/>
        </xs:schema>
        """;

    /// <summary>Resolves the schema's imports to the files beside it (and the XML namespace's schema); never the network.</summary>
    private sealed class LocalResolver(string folder) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var name = Path.GetFileName(absoluteUri.LocalPath);
            if (name == "xml.xsd")
            {
                return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(XmlNamespaceSchema));
            }
            var path = Path.Combine(folder, name);
            return File.Exists(path) ? File.OpenRead(path) : throw new FileNotFoundException($"{name} is not kept locally.");
        }
    }
}
