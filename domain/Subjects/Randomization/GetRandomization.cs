using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Mediator;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>The project's randomization scheme, to readers of its subjects: without the seed or the lists.</summary>
public sealed record GetRandomization(Guid ProjectId) : IQuery<RandomizationSchemeDto>;

public sealed class GetRandomizationHandler(ProjectAccess access, ICurrentUser user, RandomizationReader reader)
    : IQueryHandler<GetRandomization, RandomizationSchemeDto>
{
    public async ValueTask<RandomizationSchemeDto> Handle(GetRandomization query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.ReadSubjects, query.ProjectId, ct);
        return await reader.SchemeAsync(query.ProjectId, ct) is { } scheme ? await reader.DtoAsync(scheme, ct) : RandomizationReader.NotConfigured(query.ProjectId);
    }
}
