namespace Ctms.Engine.Feel.Values;

/// <summary>The FEEL type of a value in the value model.</summary>
internal enum FeelKind
{
    Null,
    Boolean,
    Number,
    String,
    Date,
    Time,
    LocalDateTime,
    ZonedDateTime,
    DaysTime,
    YearsMonths,
    List,
    Context,
    Unknown,
}
