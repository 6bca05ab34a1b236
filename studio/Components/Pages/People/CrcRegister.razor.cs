using Ctms.Domain.Common;
using Ctms.Domain.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Ctms.Studio.Components.Pages.People;

/// <summary>
/// The anonymous page where an external CRC applies (A05), as a plain form post: the same intake as the REST endpoint,
/// rate-limited per address; nothing of it is a user until the CTI office approves it.
/// </summary>
public partial class CrcRegister
{
    private readonly List<string> _errors = [];
    private bool _sent;

    [Inject] private CrcIntake Intake { get; set; } = default!;

    [CascadingParameter] private HttpContext? Http { get; set; }

    [SupplyParameterFromForm]
    private RegisterInput? Input { get; set; }

    protected override void OnInitialized() => Input ??= new RegisterInput();

    private async Task SubmitAsync()
    {
        Input ??= new RegisterInput();
        _errors.Clear();
        if (!Intake.TryEnter(Http?.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
        {
            _errors.Add(T["Register_TooMany"]);
            return;
        }
        try
        {
            await Intake.SubmitAsync(new SubmitCrcApplication(Input.FullName ?? "", Input.Email ?? "", Input.Phone, Input.SmoCompany ?? "",
                Input.WishedProjects), Http?.RequestAborted ?? CancellationToken.None);
            _sent = true;
        }
        catch (DomainValidationException e)
        {
            _errors.AddRange(e.Errors.SelectMany(x => x.Value));
        }
        catch (ConflictException e)
        {
            _errors.Add(e.Message);
        }
    }

    private sealed class RegisterInput
    {
        public string? FullName { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? SmoCompany { get; set; }
        public string? WishedProjects { get; set; }
    }
}
