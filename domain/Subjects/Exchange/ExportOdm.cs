using System.Globalization;
using System.Xml.Linq;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Protocol;
using Ctms.Domain.Subjects.Safety;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Exchange;

/// <summary>
/// A project's e-CRF metadata and data as CDISC ODM 1.3.2 (item 7 of issue 9), for subjects.export holders: the protocol
/// (a StudyEventDef per visit, in schedule order), a FormDef per released e-CRF page version with its items (data type,
/// length, range checks from min/max, code lists from static options), the adverse event log as a common repeating
/// form, and the clinical data: each subject keyed by its subject number (or screening number before enrollment), never a
/// patient identifier, with its e-CRF pages (<see cref="IEcrfDataSource"/>) and adverse events. No arm is exported.
/// </summary>
public sealed record ExportOdm(Guid ProjectId) : IQuery<XDocument>;

public sealed class ExportOdmHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, IEcrfDataSource ecrf, TimeProvider clock)
    : IQueryHandler<ExportOdm, XDocument>
{
    public static readonly XNamespace Odm = "http://www.cdisc.org/ns/odm/v1.3";
    private const string AeEvent = "SE.AE";
    private const string AeForm = "F.AE";
    private const string AeGroup = "IG.AE";

    public async ValueTask<XDocument> Handle(ExportOdm query, CancellationToken ct)
    {
        if (!await access.CanAsync(user.Access, ProjectActions.ReadSubjects, query.ProjectId, ct)
            && !await access.CanAsync(user.Access, ProjectActions.SubjectsExport, query.ProjectId, ct))
        {
            throw new NotFoundException($"Project {query.ProjectId} was not found.");
        }
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsExport, query.ProjectId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == query.ProjectId, ct);
        var visits = (await db.VisitDefinitions.AsNoTracking().Where(v => v.ProjectId == project.Id).ToListAsync(ct)).OrderBy(v => v.Sequence).ToList();
        var pages = (await db.EcrfPages.AsNoTracking().Where(p => p.ProjectId == project.Id && p.Status != EcrfPageStatus.Draft).ToListAsync(ct))
            .OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.Version).ToList();
        var subjects = (await db.Subjects.AsNoTracking().Where(s => s.ProjectId == project.Id).ToListAsync(ct))
            .OrderBy(s => s.ScreeningNumber, StringComparer.Ordinal).ToList();
        var events = (await db.AdverseEvents.AsNoTracking().Where(e => e.ProjectId == project.Id).ToListAsync(ct)).ToLookup(e => e.SubjectId);
        var data = (await ecrf.ReadAsync(project.Id, ct)).ToLookup(r => r.SubjectId);

        var studyOid = "ST." + OdmItems.Oid(project.ProtocolNumber);
        const string mdvOid = "MDV.1";
        var metadata = new OdmMetadata(visits, pages);
        var now = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Odm + "ODM",
                new XAttribute("FileType", "Snapshot"), new XAttribute("Granularity", "All"),
                new XAttribute("FileOID", $"CTMS.{OdmItems.Oid(project.ProtocolNumber)}.{clock.GetUtcNow().ToUnixTimeSeconds()}"),
                new XAttribute("CreationDateTime", now), new XAttribute("ODMVersion", "1.3.2"),
                new XAttribute("Originator", "Ctms"), new XAttribute("SourceSystem", "Ctms"),
                new XElement(Odm + "Study", new XAttribute("OID", studyOid),
                    new XElement(Odm + "GlobalVariables",
                        new XElement(Odm + "StudyName", project.ProtocolNumber),
                        new XElement(Odm + "StudyDescription", project.Title),
                        new XElement(Odm + "ProtocolName", project.ProtocolNumber)),
                    metadata.Build(mdvOid, $"{project.ProtocolNumber} e-CRF")),
                new XElement(Odm + "ClinicalData", new XAttribute("StudyOID", studyOid), new XAttribute("MetaDataVersionOID", mdvOid),
                    subjects.Select(s => Subject(s, data[s.Id], events[s.Id], metadata)))));
    }

    private static XElement Subject(Subject subject, IEnumerable<EcrfDataRow> rows, IEnumerable<AdverseEvent> events, OdmMetadata metadata)
    {
        var element = new XElement(Odm + "SubjectData", new XAttribute("SubjectKey", subject.SubjectNumber ?? subject.ScreeningNumber));
        foreach (var visit in rows.Where(r => metadata.HasForm(r.PageCode, r.PageVersion)).GroupBy(r => r.VisitCode))
        {
            element.Add(new XElement(Odm + "StudyEventData", new XAttribute("StudyEventOID", OdmMetadata.EventOid(visit.Key)),
                visit.Select(r => new XElement(Odm + "FormData", new XAttribute("FormOID", OdmMetadata.FormOid(r.PageCode, r.PageVersion)),
                    new XElement(Odm + "ItemGroupData", new XAttribute("ItemGroupOID", OdmMetadata.GroupOid(r.PageCode, r.PageVersion)),
                        metadata.Items(r.PageCode, r.PageVersion).Where(i => OdmItems.Value(r.Data[i.Key]) is not null)
                            .Select(i => new XElement(Odm + "ItemData", new XAttribute("ItemOID", OdmMetadata.ItemOid(r.PageCode, r.PageVersion, i.Key)),
                                new XAttribute("Value", OdmItems.Value(r.Data[i.Key])!))))))));
        }
        var aes = events.OrderBy(e => e.Number).ToList();
        if (aes.Count > 0)
        {
            element.Add(new XElement(Odm + "StudyEventData", new XAttribute("StudyEventOID", AeEvent), new XAttribute("StudyEventRepeatKey", "1"),
                aes.Select(e => new XElement(Odm + "FormData", new XAttribute("FormOID", AeForm),
                    new XAttribute("FormRepeatKey", e.Number.ToString(CultureInfo.InvariantCulture)),
                    new XElement(Odm + "ItemGroupData", new XAttribute("ItemGroupOID", AeGroup),
                        Item("IT.AE.TERM", e.Term),
                        Item("IT.AE.STDAT", e.OnsetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        Item("IT.AE.GRADE", e.Grade.ToString(CultureInfo.InvariantCulture)),
                        Item("IT.AE.SER", e.Serious ? "Y" : "N"),
                        Item("IT.AE.REL", e.Causality.ToString()),
                        Item("IT.AE.OUT", e.Outcome.ToString()))))));
        }
        return element;
    }

    private static XElement Item(string oid, string value) => new(Odm + "ItemData", new XAttribute("ItemOID", oid), new XAttribute("Value", value));
}
