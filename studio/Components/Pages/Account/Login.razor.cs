using Ctms.Domain.Access;
using Ctms.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Ctms.Studio.Components.Pages.Account;

/// <summary>Sign-in as a plain form post, so the sign-in cookie can be set on the response.</summary>
public partial class Login
{
    private string? _error;

    [Inject] private SignInManager<CtmsUser> SignIn { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromForm]
    private LoginInput? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        Input ??= new LoginInput();
        if (string.IsNullOrWhiteSpace(Input.UserName) || string.IsNullOrEmpty(Input.Password))
        {
            _error = L["SignInRequired"];
            return;
        }
        var result = await SignIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(SafeReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }
        _error = result.IsLockedOut ? L["AccountLocked"] : L["SignInFailed"];
    }

    // Only a path on this site: an open redirect would let a phishing link borrow the hospital's sign-in page.
    internal static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.StartsWith("/account/", StringComparison.Ordinal)
            ? url
            : "/";

    private sealed class LoginInput
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}
