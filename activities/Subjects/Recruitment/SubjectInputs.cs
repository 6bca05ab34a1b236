using Ctms.Engine.Runtime.Activities;

namespace Ctms.Activities.Subjects.Recruitment;

/// <summary>The subject a recruitment task works on: the variable <c>subjectId</c>.</summary>
internal static class SubjectInputs
{
    public static Guid RequiredSubjectId(ActivityContext context) =>
        Guid.TryParse(ActivityInputs.OptionalString(context, "subjectId"), out var id)
            ? id
            : throw new InvalidOperationException($"The service task {context.ElementId} needs the variable 'subjectId' (a subject's id).");
}
