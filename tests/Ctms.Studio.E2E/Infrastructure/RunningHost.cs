using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Ctms.Studio.E2E.Infrastructure;

/// <summary>
/// The app as a user starts it: <c>dotnet run --project api</c> on a fresh data folder (SQLite), on a free loopback
/// port. Its console output is kept, so a test can read the one-time administrator password the first start prints.
/// </summary>
public partial class RunningHost : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "ctms-e2e", Guid.NewGuid().ToString("N"));

    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>The password printed at first start.</summary>
    public string OneTimeAdminPassword { get; private set; } = "";

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

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var configuration = typeof(RunningHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", "--project", "api", "--no-build", "-c", configuration, "--", "--urls", BaseUrl.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Ctms__DataPath"] = DataPath;
        // The demo's simulated hospital on a free port, so that hosts started side by side do not collide on 5090.
        start.Environment["Integration__DemoHospital__Port"] = "0";
        start.Environment.Remove("Ctms__AdminPassword");
        start.Environment["DOTNET_NOLOGO"] = "1";
        Configure(start.Environment);
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
        if (first != _listening.Task)
        {
            throw new InvalidOperationException($"The host did not start listening:\n{Output}");
        }
        OneTimeAdminPassword = OneTimePasswordLine().Match(Output) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"The first start printed no one-time password:\n{Output}");
    }

    /// <summary>More settings for the host (environment variables), for a fixture that needs them.</summary>
    protected virtual void Configure(IDictionary<string, string?> environment)
    {
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"one-time password: (\S+)")]
    private static partial Regex OneTimePasswordLine();
}
