using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Mediator;

namespace Ctms.Domain.Integration.Dictionary;

/// <summary>Starts a dictionary sync now (integration administrators); it runs in the background, the answer is the run as it started.</summary>
public sealed record StartDictionarySync : ICommand<DictionarySyncRunView>;

public sealed class StartDictionarySyncHandler(DictionarySynchronizer synchronizer, ProjectAccess access, ICurrentUser user)
    : ICommandHandler<StartDictionarySync, DictionarySyncRunView>
{
    public async ValueTask<DictionarySyncRunView> Handle(StartDictionarySync command, CancellationToken ct)
    {
        await DictionaryQueries.EnsureAdministratorAsync(access, user, ct);
        return await synchronizer.StartAsync(DictionarySyncTrigger.Manual, user.UserName ?? user.UserId, ct);
    }
}
