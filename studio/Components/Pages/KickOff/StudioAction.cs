using Ctms.Domain.Common;

namespace Ctms.Studio.Components.Pages.KickOff;

/// <summary>Runs a page's command and turns the domain's refusal into the message the page shows (null when it succeeded).</summary>
internal static class StudioAction
{
    public static async Task<string?> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainValidationException e)
        {
            return string.Join(" ", e.Errors.SelectMany(x => x.Value));
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            return e.Message;
        }
    }
}
