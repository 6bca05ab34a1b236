using System.Globalization;
using Ctms.Domain.Common;
using Ctms.Domain.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Ctms.Studio.Components.Pages.People;

/// <summary>An investigator's page: their profile (editable by them and the CTI office), GCP certificates and CVs.</summary>
public partial class InvestigatorPage
{
    private InvestigatorDto? _investigator;
    private ProfileModel _profile = new();
    private string? _error, _uploaded;
    private bool _saved;

    [Parameter] public string UserName { get; set; } = "";

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _investigator = await Sender.QueryAsync(new GetInvestigator(UserName));
            var p = _investigator.Profile;
            _profile = new ProfileModel { Title = p.Title, Department = p.Department, Specialty = p.Specialty, LicenceNumber = p.LicenceNumber, Phone = p.Phone };
            _error = null;
        }
        catch (Exception e) when (e is ForbiddenException or NotFoundException)
        {
            _error = e.Message;
        }
    }

    private async Task SaveProfileAsync()
    {
        _saved = false;
        try
        {
            await Sender.CommandAsync(new UpdateInvestigatorProfile(UserName, _profile.Title, _profile.Department, _profile.Specialty,
                _profile.LicenceNumber, _profile.Phone));
            _saved = true;
            _error = null;
        }
        catch (Exception e) when (e is DomainValidationException or ForbiddenException or NotFoundException)
        {
            _error = Describe(e);
        }
    }

    private async Task UploadAsync(InputFileChangeEventArgs e, PersonFileKind kind)
    {
        _uploaded = null;
        try
        {
            if (e.File.Size > PeopleFileStore.MaxBytes)
            {
                throw DomainValidationException.For("file", $"The file is larger than {PeopleFileStore.MaxBytes / (1024 * 1024)} MB.");
            }
            await using var stream = e.File.OpenReadStream(PeopleFileStore.MaxBytes);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            var stored = await Sender.CommandAsync(new UploadPersonFile(UserName, kind, e.File.Name, buffer.ToArray()));
            _uploaded = string.Format(CultureInfo.CurrentCulture, T["Upload_Done"], stored.FileName, stored.Id);
            _error = null;
            await LoadAsync();
        }
        catch (Exception ex) when (ex is DomainValidationException or ForbiddenException or NotFoundException)
        {
            _error = Describe(ex);
        }
    }

    private string FileHref(Guid fileId) => $"/api/people/investigators/{Uri.EscapeDataString(UserName)}/files/{fileId}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Describe(Exception e) =>
        e is DomainValidationException invalid ? string.Join(" ", invalid.Errors.SelectMany(x => x.Value)) : e.Message;

    private sealed class ProfileModel
    {
        public string? Title { get; set; }
        public string? Department { get; set; }
        public string? Specialty { get; set; }
        public string? LicenceNumber { get; set; }
        public string? Phone { get; set; }
    }
}
