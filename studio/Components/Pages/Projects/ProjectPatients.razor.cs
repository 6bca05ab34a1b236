using System.Globalization;
using Ctms.Domain.Common;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Patients;
using Ctms.Domain.Projects;
using Ctms.Studio.Localization;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Ctms.Studio.Components.Pages.Projects;

/// <summary>
/// A project's patients at the hospital: search the hospital (MRN, name, birth date, diagnosis) for recruitment, register
/// a patient with the project, and read a registered patient's encounters, lab results and exam reports live. What the
/// search shows (MRN, full name) lives only in the circuit's memory; the CTMS keeps initials, birth date and sex. The
/// chosen patient and period are in the address (the registry's id, never an identifier of the hospital's).
/// </summary>
public partial class ProjectPatients
{
    private ProjectDto? _project;
    private IReadOnlyList<HospitalPatientView>? _found;
    private IReadOnlyList<RegisteredPatientDto>? _registered;
    private string? _searchError, _registeredError;
    private bool _notFound, _busy;
    private readonly SearchForm _search = new();

    [Parameter] public Guid ProjectId { get; set; }

    [SupplyParameterFromQuery(Name = "patient")] public Guid? PatientId { get; set; }

    [SupplyParameterFromQuery(Name = "from")] public DateOnly? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")] public DateOnly? To { get; set; }

    [Inject] private StudioSender Sender { get; set; } = default!;

    [Inject] private IStringLocalizer<HospitalStrings> Text { get; set; } = default!;

    /// <summary>The search criteria, as typed.</summary>
    private sealed class SearchForm
    {
        public string? Mrn { get; set; }
        public string? Name { get; set; }
        public DateTime? BirthDate { get; set; }
        public string? Diagnosis { get; set; }
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _project = await Sender.QueryAsync(new GetProject(ProjectId));
        }
        catch (NotFoundException)
        {
            _notFound = true;
            return;
        }
        await LoadRegisteredAsync();
    }

    private async Task LoadRegisteredAsync()
    {
        try
        {
            _registered = await Sender.QueryAsync(new ListProjectPatients(ProjectId));
            _registeredError = null;
        }
        catch (ForbiddenException)
        {
            _registeredError = Text["Registered_Forbidden"];
        }
    }

    private async Task SearchAsync()
    {
        _busy = true;
        _searchError = null;
        try
        {
            _found = await Sender.QueryAsync(new SearchHospitalPatients(ProjectId, Blank(_search.Mrn), Blank(_search.Name),
                _search.BirthDate is { } b ? DateOnly.FromDateTime(b) : null, Blank(_search.Diagnosis)));
        }
        catch (Exception e) when (Describe(e, Text) is { } message)
        {
            _found = null;
            _searchError = message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RegisterAsync(HospitalPatientView patient)
    {
        _busy = true;
        _searchError = null;
        try
        {
            var registered = await Sender.CommandAsync(new RegisterProjectPatient(ProjectId, patient.Mrn));
            _found = _found?.Select(p => p.HospitalId == patient.HospitalId ? p with { PatientId = registered.Id } : p).ToList();
            await LoadRegisteredAsync();
        }
        catch (Exception e) when (Describe(e, Text) is { } message)
        {
            _searchError = message;
        }
        finally
        {
            _busy = false;
        }
    }

    private string RecordsUrl(Guid patientId) => $"projects/{ProjectId}/patients?patient={patientId}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private string Sex(string? sex) => sex is null ? "—" : Text["Sex_" + sex] is { ResourceNotFound: false } s ? s : sex;

    /// <summary>
    /// What a failed call to the hospital or a refusal means for the person at the page; null for anything else (a bug
    /// that should surface). The hospital's own messages name the operation, never a patient.
    /// </summary>
    internal static string? Describe(Exception e, IStringLocalizer<HospitalStrings> text) => e switch
    {
        HospitalUnavailableException => text["Hospital_Unavailable"],
        HospitalResponseException => text["Hospital_BadResponse"],
        DomainValidationException v => string.Join(" ", v.Errors.SelectMany(p => p.Value)),
        ForbiddenException => text["Forbidden"],
        NotFoundException or ConflictException => e.Message,
        _ => null,
    };
}
