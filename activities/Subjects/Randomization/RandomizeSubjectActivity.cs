using Ctms.Domain.Common;
using Ctms.Domain.Subjects.Randomization;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Randomization;

/// <summary>
/// The <c>randomize-subject</c> service task (O10): randomizes the subject by the project's locked scheme, as the user who
/// started the step. Its outputs never carry the arm (process variables are readable by whoever sees the instance): the
/// blinding shows the arm on the allocation page to those it allows. A refusal (not enrolled, not eligible, already
/// randomized, list used up) is an outcome, not an incident: the process says why.
/// </summary>
[Activity("randomize-subject", Category = "Subjects",
    Description = "Randomize an enrolled, eligible subject by the project's locked scheme; the arm is never an output (blinding).",
    Inputs = ["subjectId: the subject", "factors: the subject's level of each stratification or minimization factor (a context)"],
    Outputs =
    [
        "randomized: true when allocated",
        "randomizationNumber: the number given (empty when refused)",
        "randomizationRefusal: why it was refused (empty when randomized)",
    ])]
public sealed class RandomizeSubjectActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var subjectId = Guid.TryParse(ActivityInputs.RequiredString(context, "subjectId"), out var id)
            ? id
            : throw new InvalidOperationException($"The service task {context.ElementId} needs 'subjectId' as a subject id.");
        try
        {
            var result = await mediator.Send(new RandomizeSubject(subjectId, Factors(context)), ct);
            return ActivityResult.Complete(new Dictionary<string, object?>
            {
                ["randomized"] = true,
                ["randomizationNumber"] = result.RandomizationNumber,
                ["randomizationRefusal"] = "",
            });
        }
        catch (ConflictException refused)
        {
            return ActivityResult.Complete(new Dictionary<string, object?>
            {
                ["randomized"] = false,
                ["randomizationNumber"] = "",
                ["randomizationRefusal"] = refused.Message,
            });
        }
    }

    private static Dictionary<string, string> Factors(ActivityContext context)
    {
        var factors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context.Variables.TryGetValue("factors", out var value) && value is IReadOnlyDictionary<string, object?> map)
        {
            foreach (var (key, level) in map)
            {
                if (level is not null)
                {
                    factors[key] = level.ToString()!;
                }
            }
        }
        return factors;
    }
}
