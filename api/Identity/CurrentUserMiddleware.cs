using Ctms.Domain.Common;

namespace Ctms.Api.Identity;

/// <summary>
/// Hands the authenticated user to the domain's <see cref="ClaimsCurrentUser"/>. And a user who signed in with a one-time password may do one thing: choose a new password. The studio sends
/// them to the change-password page; the API answers 403 everywhere else.
/// </summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account", "/api/me", "/_framework", "/_content", "/_blazor", "/health", "/culture"];

    public async Task InvokeAsync(HttpContext http, ClaimsCurrentUser currentUser)
    {
        var user = http.User;
        currentUser.Principal = user;
        if (user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == CtmsClaims.MustChangePassword) &&
            !Allowed.Any(prefix => http.Request.Path.StartsWithSegments(prefix)))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem("Change your one-time password first (POST /api/me/password).",
                    statusCode: StatusCodes.Status403Forbidden, title: "Password change required.").ExecuteAsync(http);
                return;
            }
            http.Response.Redirect("/account/change-password");
            return;
        }
        await next(http);
    }
}
