using System.Globalization;
using Ctms.Domain.Common;
using Ctms.Domain.Contracts;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Components;

namespace Ctms.Studio.Components.Pages.Contracts;

/// <summary>
/// A project's contract: terms, the budget lines with their server-computed totals (edited while a draft), reviews,
/// signatures with the signed hash, amendments and the budget history with each revision's differences.
/// Every change is a domain command through <see cref="StudioSender"/>, so the page has the API's rules.
/// </summary>
public sealed partial class ContractPage
{
    [Parameter] public Guid ProjectId { get; set; }

    [Inject] private StudioSender Sender { get; set; } = null!;

    private ContractDto? _contract;
    private BudgetDto? _budget;
    private List<EditableLine> _lines = [];
    private bool _loading = true;
    private string? _error;
    private string _title = "";
    private string? _comment;
    private string _party = nameof(ContractParty.Hospital);
    private string? _meaning;
    private string? _password;

    private bool Editable => _contract?.Status is nameof(ContractStatus.Draft) or nameof(ContractStatus.ChangesRequested);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _contract = await Sender.QueryAsync(new GetContract(ProjectId));
            _budget = await Sender.QueryAsync(new GetBudget(ProjectId));
            _lines = _contract.Lines.Select(EditableLine.From).ToList();
        }
        catch (NotFoundException)
        {
            // No contract yet (or the project is hidden): the draft form says so; a hidden project fails on drafting.
            _contract = null;
            _budget = null;
        }
        catch (ForbiddenException e)
        {
            _error = e.Message;
        }
        _loading = false;
    }

    private void AddLine() => _lines.Add(new EditableLine());

    private Task DraftAsync() => RunAsync(new DraftContract(ProjectId, _title));

    private Task SaveLinesAsync() => RunAsync(new SetBudgetLines(ProjectId, _lines.Select(l => l.ToInput()).ToList()));

    private Task SubmitAsync() => RunAsync(new SubmitContractForReview(ProjectId));

    private Task ReviewAsync(string decision) => RunAsync(new ReviewContract(ProjectId, decision, _comment));

    private async Task SignAsync()
    {
        // The studio, like the API, asks for the password again: an electronic signature.
        if (string.IsNullOrEmpty(_password))
        {
            _error = T["Sign_PasswordRequired"];
            return;
        }
        await RunAsync(new SignContract(ProjectId, _party, _meaning, _password));
        _password = null;
    }

    private async Task RunAsync(Mediator.ICommand<ContractDto> command)
    {
        _error = null;
        try
        {
            await Sender.CommandAsync(command);
            await LoadAsync();
        }
        catch (DomainValidationException e)
        {
            _error = string.Join(" ", e.Errors.SelectMany(p => p.Value.Select(m => $"{p.Key}: {m}")));
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            _error = e.Message;
        }
    }

    private string Subject(Guid? amendmentId) =>
        amendmentId is { } id && _contract?.Amendments.FirstOrDefault(a => a.Id == id) is { } amendment
            ? string.Format(CultureInfo.CurrentCulture, T["Subject_Amendment"], amendment.Number)
            : T["Subject_Contract"];

    private string Money(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture) + " " + (_contract?.Currency ?? Contract.DefaultCurrency);
}
