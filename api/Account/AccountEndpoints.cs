using Ctms.Domain.Access;
using Ctms.Studio;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Ctms.Api.Account;

/// <summary>The studio's form posts and links that must set cookies: sign-out and the language switch.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("account/logout", Logout).ExcludeFromDescription();
        app.MapGet("culture", SetCulture).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<RedirectHttpResult> Logout(SignInManager<CtmsUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    private static RedirectHttpResult SetCulture(string? name, string? returnUrl, HttpContext http)
    {
        if (name is not null && StudioCultures.Supported.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'));
}
