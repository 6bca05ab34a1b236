using Ctms.Api.Cli;
using Ctms.Api.Hosting;

// Verbs (migrate, seed-demo, audit-verify) run against the configured database and exit;
// anything else runs the host. See README.md.
if (CliVerbs.TryGetVerb(args, out var verb))
{
    return await CliVerbs.RunAsync(verb, args);
}

var builder = WebApplication.CreateBuilder(args);
// The demo is asked for by --demo or by Ctms:Demo (as the browser tests do); either way its hospital comes with it.
var demoHospital = await builder.AddDemoHospitalAsync(demo: args.Contains("--demo") || builder.Configuration.GetValue<bool>("Ctms:Demo"));
builder.AddCtms();
var app = builder.Build();
app.UseCtms();
await app.PrepareDatabaseAsync(demo: args.Contains("--demo"));
await app.UseDemoHospitalAsync(demoHospital);
await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
