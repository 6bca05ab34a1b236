using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Studio.Components.Pages.Account;

/// <summary>Replaces the signed-in user's password (the one-time password on first sign-in) and refreshes the cookie.</summary>
public partial class ChangePassword
{
    private readonly List<string> _errors = [];
    private bool _mustChange;

    [Inject] private IMediator Mediator { get; set; } = default!;
    [Inject] private SignInManager<CtmsUser> SignIn { get; set; } = default!;
    [Inject] private UserManager<CtmsUser> Users { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private PasswordInput? Input { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new PasswordInput();
        _mustChange = HttpContext.User.HasClaim(c => c.Type == "ctms:must-change-password");
    }

    private async Task ChangeAsync()
    {
        Input ??= new PasswordInput();
        if (Input.New != Input.Confirm)
        {
            _errors.Add(L["ChangePassword_Mismatch"]);
            return;
        }
        try
        {
            // Static rendering: this is the request's own scope, whose current user the host has set.
            await Mediator.Send(new ChangeOwnPassword(Input.Current ?? "", Input.New ?? ""));
        }
        catch (DomainValidationException e)
        {
            _errors.AddRange(e.Errors.SelectMany(x => x.Value));
            return;
        }
        var user = await Users.GetUserAsync(HttpContext.User);
        if (user is not null)
        {
            await SignIn.RefreshSignInAsync(user);
        }
        Navigation.NavigateTo("/", forceLoad: true);
    }

    private sealed class PasswordInput
    {
        public string? Current { get; set; }
        public string? New { get; set; }
        public string? Confirm { get; set; }
    }
}
