using System.ComponentModel;
using System.Security.Claims;
using Ctms.Api.Identity;
using Ctms.Domain.Access;
using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Api.Account;

/// <summary>Bearer tokens for API clients, and the caller's own account.</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("api/auth").WithTags("Authentication");
        auth.MapPost("token", IssueToken).AllowAnonymous()
            .WithSummary("Sign in with user name and password and receive a bearer token (valid one hour).");

        var me = app.MapGroup("api/me").WithTags("Authentication");
        me.MapGet("", GetMe).WithSummary("The signed-in user: id, name and roles.");
        me.MapPost("password", ChangePassword).WithSummary("Change the signed-in user's password (also replaces a one-time password).");
        return app;
    }

    /// <summary>Credentials for <c>POST /api/auth/token</c>.</summary>
    public sealed record TokenRequest([property: Description("The user name.")] string UserName, [property: Description("The password.")] string Password);

    public sealed record MeResponse(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool MustChangePassword);

    private static async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ProblemHttpResult>> IssueToken(
        TokenRequest request, SignInManager<CtmsUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem("UserName and Password are required.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request.");
        }
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem("The account is locked after repeated failed sign-ins; try again later or ask an administrator.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Account locked.");
        }
        if (!result.Succeeded)
        {
            return TypedResults.Problem("The user name or password is not correct.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
        }
        // The bearer handler has written the token response.
        return TypedResults.Empty;
    }

    private static Ok<MeResponse> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.FindFirstValue(ClaimTypes.NameIdentifier)!,
        user.Identity!.Name!,
        user.FindFirstValue(CtmsClaims.DisplayName) ?? user.Identity.Name!,
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)],
        user.HasClaim(c => c.Type == CtmsClaims.MustChangePassword)));

    private static async Task<NoContent> ChangePassword(ChangeOwnPassword command, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }
}
