using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Ctms.Host.Tests.Infrastructure;

/// <summary>
/// One host node as an operator runs it, in an OS process of its own: <c>dotnet Ctms.Api.dll</c> from the build
/// output (the process is the host itself, not a <c>dotnet run</c> wrapper, so <see cref="Kill"/> kills the node), on
/// PostgreSQL, with the job executor's lease and poll interval shortened and the test activities loaded.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private HostProcess(string node, Process process, Uri baseUrl)
    {
        Node = node;
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The node's name, written by the activity on each row it counts.</summary>
    public string Node { get; }

    public Uri BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a node on the database and waits until it answers (it has migrated and created the administrator by then).</summary>
    public static async Task<HostProcess> StartAsync(string node, string connectionString, string adminPassword, string dataPath)
    {
        var api = HostBuild.ApiAssembly;
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(api);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        var environment = start.Environment;
        environment["DOTNET_NOLOGO"] = "1";
        environment["Database__Provider"] = "Postgres";
        environment["ConnectionStrings__Ctms"] = connectionString;
        environment["Ctms__DataPath"] = dataPath;
        // The operator's way to name the first administrator's password (no one-time password to change).
        environment["Ctms__AdminPassword"] = adminPassword;
        // No SOP definitions at start-up: the tests deploy their own, and every node would deploy them again.
        environment["Engine__DefinitionsPath"] = Path.Combine(dataPath, "no-definitions");
        // A killed node's leases run out after 5 s; due jobs are looked for every 200 ms.
        environment["Engine__JobLease"] = "00:00:05";
        environment["Engine__JobPollInterval"] = "00:00:00.2";
        environment["Engine__ActivityAssemblies__0"] = HostBuild.TestActivitiesAssembly;
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["CTMS_TEST_NODE"] = node;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new HostProcess(node, process, baseUrl);
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilLiveAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>Kills the node at once (SIGKILL on Linux): no shutdown, no lease given back, open transactions cut off.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Host {Node} exited with {_process.ExitCode} while starting:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync(new Uri("health/live", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"Host {Node} did not answer within {StartTimeout}:\n{Output}");
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Where the build put the host and the test activities (same configuration as this test assembly).</summary>
    private static class HostBuild
    {
        private static readonly string Configuration =
            typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        public static string ApiAssembly => Existing(Path.Combine(RepositoryRoot(), "api", "bin", Configuration, "net10.0", "Ctms.Api.dll"));

        public static string TestActivitiesAssembly => Existing(typeof(Ctms.Host.TestActivities.LoadCountActivity).Assembly.Location);

        private static string Existing(string path) =>
            File.Exists(path) ? path : throw new InvalidOperationException($"{path} does not exist: build the solution first.");

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ctms.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("Ctms.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
