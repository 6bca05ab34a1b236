using Ctms.Domain.Access;
using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Ctms.Domain.Contracts;
using Ctms.Domain.Notifications;
using Ctms.Domain.Projects;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Data;

/// <summary>
/// The one database of the CTMS: identity, domain modules, (later) the engine's tables, and the audit trail,
/// so a command's changes and its audit records commit in one transaction. The provider-specific subclasses
/// exist only to keep each provider's migrations apart.
/// </summary>
public abstract class CtmsDbContext : IdentityDbContext<CtmsUser>, IDataProtectionKeyContext
{
    private readonly ICurrentUser _currentUser;
    private readonly TimeProvider _clock;

    protected CtmsDbContext(DbContextOptions options, ICurrentUser? currentUser, TimeProvider? clock) : base(options)
    {
        _currentUser = currentUser ?? SystemUser.Instance;
        _clock = clock ?? TimeProvider.System;
    }

    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectMembership> ProjectMemberships => Set<ProjectMembership>();
    public DbSet<AccessRule> AccessRules => Set<AccessRule>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RefusedAttempt> RefusedAttempts => Set<RefusedAttempt>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMail> MailOutbox => Set<OutboxMail>();
    public DbSet<TemplateOverride> TemplateOverrides => Set<TemplateOverride>();
    public DbSet<People.InvestigatorProfile> InvestigatorProfiles => Set<People.InvestigatorProfile>();
    public DbSet<People.GcpCertificate> GcpCertificates => Set<People.GcpCertificate>();
    public DbSet<People.PersonFile> PersonFiles => Set<People.PersonFile>();
    public DbSet<People.CrcApplication> CrcApplications => Set<People.CrcApplication>();
    public DbSet<Documents.ProjectDocument> ProjectDocuments => Set<Documents.ProjectDocument>();
    public DbSet<Documents.DocumentVersion> DocumentVersions => Set<Documents.DocumentVersion>();
    public DbSet<Documents.DocumentAnnotation> DocumentAnnotations => Set<Documents.DocumentAnnotation>();
    public DbSet<KickOff.KickOffMeeting> KickOffMeetings => Set<KickOff.KickOffMeeting>();
    public DbSet<KickOff.KickOffParticipant> KickOffParticipants => Set<KickOff.KickOffParticipant>();
    public DbSet<KickOff.TrainingRecord> TrainingRecords => Set<KickOff.TrainingRecord>();
    public DbSet<Closeout.CloseoutRecord> CloseoutRecords => Set<Closeout.CloseoutRecord>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<ContractReview> ContractReviews => Set<ContractReview>();
    public DbSet<ContractSignature> ContractSignatures => Set<ContractSignature>();
    public DbSet<BudgetRevision> BudgetRevisions => Set<BudgetRevision>();
    public DbSet<ContractAmendment> ContractAmendments => Set<ContractAmendment>();
    public DbSet<Signatures.ElectronicSignature> ElectronicSignatures => Set<Signatures.ElectronicSignature>();
    public DbSet<Ethics.Model.EthicsCommittee> EthicsCommittees => Set<Ethics.Model.EthicsCommittee>();
    public DbSet<Ethics.Model.CommitteeMember> CommitteeMembers => Set<Ethics.Model.CommitteeMember>();
    public DbSet<Ethics.Model.ConflictOfInterest> ConflictsOfInterest => Set<Ethics.Model.ConflictOfInterest>();
    public DbSet<Ethics.Model.EthicsReview> EthicsReviews => Set<Ethics.Model.EthicsReview>();
    public DbSet<Ethics.Model.ReviewDocument> ReviewDocuments => Set<Ethics.Model.ReviewDocument>();
    public DbSet<Ethics.Model.ReviewAssignment> ReviewAssignments => Set<Ethics.Model.ReviewAssignment>();
    public DbSet<Ethics.Model.EthicsDecision> EthicsDecisions => Set<Ethics.Model.EthicsDecision>();
    public DbSet<Ethics.Model.EthicsMeeting> EthicsMeetings => Set<Ethics.Model.EthicsMeeting>();
    public DbSet<Ethics.Model.MeetingAttendance> MeetingAttendance => Set<Ethics.Model.MeetingAttendance>();
    public DbSet<Ethics.Model.MeetingItem> MeetingItems => Set<Ethics.Model.MeetingItem>();
    public DbSet<Ethics.Model.MeetingRecusal> MeetingRecusals => Set<Ethics.Model.MeetingRecusal>();
    public DbSet<Ethics.Model.EthicsVote> EthicsVotes => Set<Ethics.Model.EthicsVote>();
    public DbSet<Ethics.Suspension.StudySuspension> StudySuspensions => Set<Ethics.Suspension.StudySuspension>();
    public DbSet<Ethics.Amendments.ReconsentRequirement> ReconsentRequirements => Set<Ethics.Amendments.ReconsentRequirement>();
    public DbSet<Ethics.Continuing.ContinuingReviewCycle> ContinuingReviewCycles => Set<Ethics.Continuing.ContinuingReviewCycle>();
    public DbSet<Integration.Privacy.RegisteredPatient> RegisteredPatients => Set<Integration.Privacy.RegisteredPatient>();
    public DbSet<Integration.Alerts.IntegrationAlert> IntegrationAlerts => Set<Integration.Alerts.IntegrationAlert>();
    public DbSet<Integration.Patients.ProjectPatient> ProjectPatients => Set<Integration.Patients.ProjectPatient>();
    public DbSet<Integration.Results.LabResult> LabResults => Set<Integration.Results.LabResult>();
    public DbSet<Integration.Dictionary.DictionaryEntry> DictionaryEntries => Set<Integration.Dictionary.DictionaryEntry>();
    public DbSet<Integration.Dictionary.DictionarySyncRun> DictionarySyncRuns => Set<Integration.Dictionary.DictionarySyncRun>();
    public DbSet<Integration.Dictionary.DictionarySyncCursor> DictionarySyncCursors => Set<Integration.Dictionary.DictionarySyncCursor>();
    public DbSet<Integration.Orders.HospitalOrder> HospitalOrders => Set<Integration.Orders.HospitalOrder>();
    public DbSet<Integration.Orders.ExamResult> ExamResults => Set<Integration.Orders.ExamResult>();
    public DbSet<Integration.Notifications.HospitalEvent> HospitalEvents => Set<Integration.Notifications.HospitalEvent>();
    public DbSet<Integration.BulkImport.BulkImportRun> BulkImportRuns => Set<Integration.BulkImport.BulkImportRun>();
    public DbSet<Integration.BulkImport.BulkImportError> BulkImportErrors => Set<Integration.BulkImport.BulkImportError>();
    // Subjects (issue 9).
    public DbSet<Subjects.Subject> Subjects => Set<Subjects.Subject>();
    public DbSet<Subjects.SubjectStatusChange> SubjectStatusChanges => Set<Subjects.SubjectStatusChange>();
    public DbSet<Subjects.SubjectConsent> SubjectConsents => Set<Subjects.SubjectConsent>();
    public DbSet<Subjects.Protocol.ProtocolSetup> ProtocolSetups => Set<Subjects.Protocol.ProtocolSetup>();
    public DbSet<Subjects.Protocol.StudyArm> StudyArms => Set<Subjects.Protocol.StudyArm>();
    public DbSet<Subjects.Protocol.VisitDefinition> VisitDefinitions => Set<Subjects.Protocol.VisitDefinition>();
    public DbSet<Subjects.Protocol.EcrfPage> EcrfPages => Set<Subjects.Protocol.EcrfPage>();
    public DbSet<Subjects.Protocol.EligibilityCriterion> EligibilityCriteria => Set<Subjects.Protocol.EligibilityCriterion>();
    public DbSet<Subjects.Deviations.DeviationCandidate> DeviationCandidates => Set<Subjects.Deviations.DeviationCandidate>();
    public DbSet<Subjects.Recruitment.EligibilityAssessment> EligibilityAssessments => Set<Subjects.Recruitment.EligibilityAssessment>();

    // Subjects, part RANDOM (issue 9): the scheme, its concealed lists, allocations, arm switches, unblindings, list exports.
    public DbSet<Subjects.Randomization.RandomizationScheme> RandomizationSchemes => Set<Subjects.Randomization.RandomizationScheme>();
    public DbSet<Subjects.Randomization.RandomizationListEntry> RandomizationListEntries => Set<Subjects.Randomization.RandomizationListEntry>();
    public DbSet<Subjects.Randomization.SubjectAllocation> SubjectAllocations => Set<Subjects.Randomization.SubjectAllocation>();
    public DbSet<Subjects.Randomization.SubjectArmChange> SubjectArmChanges => Set<Subjects.Randomization.SubjectArmChange>();
    public DbSet<Subjects.Randomization.UnblindingEvent> UnblindingEvents => Set<Subjects.Randomization.UnblindingEvent>();
    public DbSet<Subjects.Randomization.RandomizationListExportRecord> RandomizationListExports => Set<Subjects.Randomization.RandomizationListExportRecord>();
    // Subjects (issue 9), part VISITS.
    public DbSet<Subjects.Visits.SubjectVisit> SubjectVisits => Set<Subjects.Visits.SubjectVisit>();
    public DbSet<Subjects.Visits.VisitExamOrder> VisitExamOrders => Set<Subjects.Visits.VisitExamOrder>();
    public DbSet<Subjects.Ecrf.EcrfEntry> EcrfEntries => Set<Subjects.Ecrf.EcrfEntry>();
    public DbSet<Subjects.Ecrf.EcrfQuery> EcrfQueries => Set<Subjects.Ecrf.EcrfQuery>();
    public DbSet<Subjects.Status.SubjectAdmission> SubjectAdmissions => Set<Subjects.Status.SubjectAdmission>();
    // Subjects, safety part (issue 9: O14, O15).
    public DbSet<Subjects.Safety.AdverseEvent> AdverseEvents => Set<Subjects.Safety.AdverseEvent>();
    public DbSet<Subjects.Safety.AdverseEventFollowUp> AdverseEventFollowUps => Set<Subjects.Safety.AdverseEventFollowUp>();
    public DbSet<Subjects.Safety.SaeReport> SaeReports => Set<Subjects.Safety.SaeReport>();
    // Investigational product (issue 10): places, products, batches, kits and the stock ledger.
    public DbSet<Pharmacy.Stock.StockLocation> StockLocations => Set<Pharmacy.Stock.StockLocation>();
    public DbSet<Pharmacy.Stock.InvestigationalProduct> IpProducts => Set<Pharmacy.Stock.InvestigationalProduct>();
    public DbSet<Pharmacy.Stock.ProductBatch> IpBatches => Set<Pharmacy.Stock.ProductBatch>();
    public DbSet<Pharmacy.Stock.Kit> Kits => Set<Pharmacy.Stock.Kit>();
    public DbSet<Pharmacy.Stock.StockMovement> StockMovements => Set<Pharmacy.Stock.StockMovement>();
    public DbSet<Pharmacy.Receipt.Shipment> IpShipments => Set<Pharmacy.Receipt.Shipment>();
    public DbSet<Pharmacy.Dispensing.Prescription> IpPrescriptions => Set<Pharmacy.Dispensing.Prescription>();
    public DbSet<Pharmacy.Returns.StockDisposal> IpDisposals => Set<Pharmacy.Returns.StockDisposal>();
    public DbSet<Pharmacy.Transfers.StockTransfer> IpTransfers => Set<Pharmacy.Transfers.StockTransfer>();

    /// <summary>The reason recorded with the audit records of the next save; actions that require one set it.</summary>
    public string? AuditReason { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CtmsDbContext).Assembly, t => t.Namespace?.StartsWith("Ctms.Domain", StringComparison.Ordinal) == true);
        builder.Entity<IdentityUserRole<string>>().IsAudited();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAuditedAsync(acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveChangesAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);

    private async Task<int> SaveChangesAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        ChangeTracker.DetectChanges();
        var now = AuditHasher.Truncate(_clock.GetUtcNow());
        var records = AuditRecorder.Collect(ChangeTracker, Guid.CreateVersion7(), now, _currentUser.UserId, _currentUser.UserName, AuditReason);
        if (records.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }

        // The chain needs the last record's hash: read it and append under one lock, in the same transaction as the change.
        var ownTransaction = Database.CurrentTransaction is null ? await BeginWriteTransactionAsync(ct) : null;
        try
        {
            await LockAuditChainAsync(ct);
            var last = await AuditRecords.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditHasher.Genesis;
            foreach (var record in records)
            {
                record.Seal(++sequence, previous);
                previous = record.Hash;
            }
            AuditRecords.AddRange(records);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
            AuditReason = null;
            return written;
        }
        catch
        {
            foreach (var record in records)
            {
                Entry(record).State = EntityState.Detached;
            }
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Begins a transaction for a command whose several saves must commit together.</summary>
    public async Task<WriteTransaction> BeginWriteTransactionAsync(CancellationToken ct = default)
    {
        var gate = await EnterWriterGateAsync(ct);
        try
        {
            return new WriteTransaction(await Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate?.Dispose();
            throw;
        }
    }

    /// <summary>Brings the schema up to date and applies the provider's storage settings.</summary>
    public virtual Task MigrateAsync(CancellationToken ct = default) => Database.MigrateAsync(ct);

    /// <summary>Serialises appends to the chain. SQLite transactions already take the write lock at BEGIN IMMEDIATE.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken ct);

    /// <summary>Where a provider admits one writer at a time, waits for the turn in process; null where it does not.</summary>
    protected virtual ValueTask<IDisposable?> EnterWriterGateAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable?>(null);
}
