using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Privacy;
using Ctms.Domain.Projects;
using Hl7.Fhir.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Subjects.Exchange;

/// <summary>
/// The project as a FHIR R4 ResearchStudy (item 7 of issue 9), for the hospital's view of which trials run: the protocol
/// number as identifier, title, status, phase, sponsor and the arms by name (the list of arms is not blinded; the
/// allocation is). Only subjects.export holders (404 to someone who may not see the project's subjects, 403 to a reader).
/// </summary>
public sealed record GetFhirResearchStudy(Guid ProjectId) : IQuery<ResearchStudy>;

/// <summary>
/// The project's subjects as a searchset Bundle of FHIR R4 ResearchSubject: identifier the subject number (or the
/// screening number before enrollment) with the label, status mapped from <see cref="SubjectStatus"/>, the study, and the
/// hospital patient by MRN, revealed from the registry at the moment of the answer (never stored, never logged). No arm
/// (<c>assignedArm</c>/<c>actualArm</c> are left out: blinding).
/// </summary>
public sealed record GetFhirResearchSubjects(Guid ProjectId) : IQuery<Bundle>;

public sealed class FhirResearchHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, PatientRegistry registry, TimeProvider clock)
    : IQueryHandler<GetFhirResearchStudy, ResearchStudy>, IQueryHandler<GetFhirResearchSubjects, Bundle>
{
    public async ValueTask<ResearchStudy> Handle(GetFhirResearchStudy query, CancellationToken ct)
    {
        var project = await ProjectAsync(query.ProjectId, ct);
        var arms = (await db.StudyArms.AsNoTracking().Where(a => a.ProjectId == project.Id).ToListAsync(ct))
            .OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        return FhirResearchMapping.Study(project, arms);
    }

    public async ValueTask<Bundle> Handle(GetFhirResearchSubjects query, CancellationToken ct)
    {
        var project = await ProjectAsync(query.ProjectId, ct);
        var subjects = (await db.Subjects.AsNoTracking().Where(s => s.ProjectId == project.Id).ToListAsync(ct))
            .OrderBy(s => s.ScreeningNumber, StringComparer.Ordinal).ToList();
        var patientIds = subjects.Select(s => s.PatientId).Distinct().ToList();
        var patients = await db.RegisteredPatients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = subjects.Count, Timestamp = clock.GetUtcNow() };
        foreach (var subject in subjects)
        {
            var mrn = patients.TryGetValue(subject.PatientId, out var patient) ? registry.RevealMrn(patient) : null;
            var resource = FhirResearchMapping.Subject(project, subject, mrn);
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"urn:uuid:{subject.Id}",
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }
        return bundle;
    }

    private async Task<Project> ProjectAsync(Guid projectId, CancellationToken ct)
    {
        if (!await access.CanAsync(user.Access, ProjectActions.ReadSubjects, projectId, ct)
            && !await access.CanAsync(user.Access, ProjectActions.SubjectsExport, projectId, ct))
        {
            throw new NotFoundException($"Project {projectId} was not found.");
        }
        await access.EnsureAsync(user.Access, ProjectActions.SubjectsExport, projectId, ct);
        return await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct)
               ?? throw new NotFoundException($"Project {projectId} was not found.");
    }
}
