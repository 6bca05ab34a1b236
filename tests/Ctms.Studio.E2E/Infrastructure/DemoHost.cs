namespace Ctms.Studio.E2E.Infrastructure;

/// <summary>
/// The app started with its demo (<c>--demo</c>): one user per role (<c>pi</c>, <c>cti-secretary</c>, ...) sharing
/// <see cref="DemoPassword"/>, each asked to replace it at first sign-in like any new user.
/// </summary>
public sealed class DemoHost : RunningHost
{
    public string DemoPassword { get; } = "Demo!" + Guid.NewGuid().ToString("N")[..12] + "aA1";

    protected override void Configure(IDictionary<string, string?> environment)
    {
        environment["Ctms__Demo"] = "true";
        environment["Ctms__DemoPassword"] = DemoPassword;
    }
}
