using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Mediator;

namespace Ctms.Domain.Integration.BulkImport;

/// <summary>The import runs, newest first (integration administrators; the studio's import page).</summary>
public sealed record ListBulkImportRuns(int Limit = 50) : IQuery<IReadOnlyList<BulkImportRunDto>>;

/// <summary>One import run with its first broken lines (integration administrators).</summary>
public sealed record GetBulkImportRun(Guid RunId) : IQuery<BulkImportRunDto>;

/// <summary>Stores an uploaded ndjson file and queues its import (integration administrators); the answer is the run as queued.</summary>
public sealed record UploadBulkImport(string FileName, Stream Content) : ICommand<BulkImportRunDto>;

/// <summary>Queues a run that exports the hospital's lab Observations and imports them (integration administrators).</summary>
public sealed record StartBulkImportFromHospital : ICommand<BulkImportRunDto>;

/// <summary>Queues a failed or interrupted run again, from its checkpoint (integration administrators).</summary>
public sealed record ResumeBulkImport(Guid RunId) : ICommand<BulkImportRunDto>;

/// <summary>The studio's way to <see cref="BulkImports"/>: the same operations as the API, behind the same permission.</summary>
public sealed class BulkImportHandlers(BulkImports imports, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListBulkImportRuns, IReadOnlyList<BulkImportRunDto>>, IQueryHandler<GetBulkImportRun, BulkImportRunDto>,
        ICommandHandler<UploadBulkImport, BulkImportRunDto>, ICommandHandler<StartBulkImportFromHospital, BulkImportRunDto>,
        ICommandHandler<ResumeBulkImport, BulkImportRunDto>
{
    public async ValueTask<IReadOnlyList<BulkImportRunDto>> Handle(ListBulkImportRuns query, CancellationToken ct)
    {
        await EnsureAdministratorAsync(ct);
        return await imports.ListAsync(query.Limit, ct);
    }

    public async ValueTask<BulkImportRunDto> Handle(GetBulkImportRun query, CancellationToken ct)
    {
        await EnsureAdministratorAsync(ct);
        return await imports.GetAsync(query.RunId, ct);
    }

    public async ValueTask<BulkImportRunDto> Handle(UploadBulkImport command, CancellationToken ct)
    {
        await EnsureAdministratorAsync(ct);
        return await imports.UploadAsync(command.FileName, command.Content, ct);
    }

    public async ValueTask<BulkImportRunDto> Handle(StartBulkImportFromHospital command, CancellationToken ct)
    {
        await EnsureAdministratorAsync(ct);
        return await imports.FromHospitalAsync(ct);
    }

    public async ValueTask<BulkImportRunDto> Handle(ResumeBulkImport command, CancellationToken ct)
    {
        await EnsureAdministratorAsync(ct);
        return await imports.ResumeAsync(command.RunId, ct);
    }

    private async Task EnsureAdministratorAsync(CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.IntegrationAdminister, ct))
        {
            throw new ForbiddenException("Bulk imports of lab results need the integration.administer permission (CTI office, administrators).");
        }
    }
}
