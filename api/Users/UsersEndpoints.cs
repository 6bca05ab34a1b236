using Ctms.Domain.Access;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Users;

/// <summary>Accounts, for administrators.</summary>
internal static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("api/users").WithTags("Users");
        users.MapGet("", ListUsers).WithSummary("Every account with its global roles (administrators).");
        users.MapPost("", CreateUser).WithSummary("Create an account; without a password a one-time password is returned once.");
        return app;
    }

    public sealed record CreateUserRequest(string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, string? Password);

    private static async Task<Ok<IReadOnlyList<UserDto>>> ListUsers(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListUsers(), ct));

    private static async Task<Created<CreatedUserDto>> CreateUser(CreateUserRequest request, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(new CreateUser(request.UserName, request.DisplayName, request.Email, request.Roles, request.Password), ct);
        return TypedResults.Created($"/api/users/{created.User.Id}", created);
    }
}
