using System.Text.RegularExpressions;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>
/// Drafts the contract of an approved project (P10's first step), or redrafts it while the draft is open (after
/// changes were requested): terms, and the budget lines when given. Parties default to the project's sponsor and CRO.
/// With <see cref="SubmitForReview"/> the draft goes to review in the same transaction (what the <c>create-budget</c>
/// activity does after the CTI secretary's draft task).
/// </summary>
public sealed partial record DraftContract(
    Guid ProjectId,
    string Title,
    string? SponsorParty = null,
    string? CroParty = null,
    string? HospitalParty = null,
    string? Currency = null,
    IReadOnlyList<BudgetLineInput>? Lines = null,
    bool SubmitForReview = false) : ICommand<ContractDto>, IValidatable
{
    public const string DefaultHospitalParty = "The hospital's clinical trial institution";

    public void Validate(Validator v)
    {
        v.Required(nameof(Title), Title, Contract.TitleMax)
            .Optional(nameof(SponsorParty), SponsorParty, Contract.PartyMax)
            .Optional(nameof(CroParty), CroParty, Contract.PartyMax)
            .Optional(nameof(HospitalParty), HospitalParty, Contract.PartyMax)
            .Must(string.IsNullOrWhiteSpace(Currency) || CurrencyCode().IsMatch(Currency.Trim()), nameof(Currency), "Currency is a three-letter ISO 4217 code such as CNY.");
        if (Lines is not null || SubmitForReview)
        {
            Budget.Validate(v, nameof(Lines), Lines);
        }
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CurrencyCode();
}

public sealed class DraftContractHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DraftContract, ContractDto>
{
    public async ValueTask<ContractDto> Handle(DraftContract command, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.EditContract, ct);
        ContractRules.EnsureContractable(project);
        var terms = new ContractTerms(command.Title.Trim(), Trim(command.SponsorParty) ?? project.Sponsor, Trim(command.CroParty) ?? project.Cro,
            Trim(command.HospitalParty) ?? DraftContract.DefaultHospitalParty,
            Trim(command.Currency)?.ToUpperInvariant() ?? Contract.DefaultCurrency);
        var now = clock.GetUtcNow();
        var contract = await db.Contracts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.ProjectId == command.ProjectId, ct);
        if (contract is null)
        {
            contract = new Contract(project.Id, (project.ProjectNumber ?? project.ProtocolNumber) + "-C", terms, user.UserName ?? user.UserId, now);
            db.Contracts.Add(contract);
        }
        else
        {
            contract.Redraft(terms);
        }
        if (command.Lines is not null)
        {
            contract.ReplaceLines(Budget.Compute(command.Lines));
        }
        if (command.SubmitForReview)
        {
            contract.Submit(now);
        }
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
