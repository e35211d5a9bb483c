using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Apiforge.Conformance.Tests;

/// <summary>
/// The AutoRest test server (npm @microsoft.azure/autorest.testserver, installed by the project's build) on a free
/// loopback port, started once for the test collection and killed with its process tree at the end.
/// </summary>
public sealed class AutoRestServer : IDisposable
{
    private static readonly string ServerFolder = typeof(AutoRestServer).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "AutoRestServerFolder").Value!;
    private readonly Process _process;

    public AutoRestServer()
    {
        var cli = Path.Combine(ServerFolder, "node_modules", "@microsoft.azure", "autorest.testserver", "dist", "cli", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The AutoRest test server is not installed ({cli}); the project's build runs npm ci.");
        }

        CoverageDirectory = Path.Combine(AppContext.BaseDirectory, "autorest-coverage");
        Directory.CreateDirectory(CoverageDirectory);
        Port = FreeLoopbackPort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ServerFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "run", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--coverageDirectory", CoverageDirectory, "--level", "warn" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        Admin = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        WaitUntilAnswering();
    }

    /// <summary>A file of the npm package (the PNG the file routes send).</summary>
    public static string PackageFile(string relativePath)
        => Path.Combine(ServerFolder, "node_modules", "@microsoft.azure", "autorest.testserver", relativePath);

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string CoverageDirectory { get; }

    /// <summary>A client for the server's own routes (/report), not a generated one.</summary>
    public HttpClient Admin { get; }

    private readonly System.Text.StringBuilder _log = new();

    public string ServerLog { get { lock (_log) { return _log.ToString(); } } }

    /// <summary>The server's hit count per vanilla scenario (GET /report).</summary>
    public Dictionary<string, int> Report()
    {
        var json = Admin.GetStringAsync(new Uri("report", UriKind.Relative)).GetAwaiter().GetResult();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            counts[property.Name] = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetInt32() : 0;
        }

        return counts;
    }

    public void Dispose()
    {
        Admin.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 1_000_000)
            {
                _log.AppendLine(line);
            }
        }
    }

    private void WaitUntilAnswering()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AutoRest test server exited with {_process.ExitCode}:{Environment.NewLine}{ServerLog}");
            }

            try
            {
                using var response = Admin.GetAsync(new Uri("report", UriKind.Relative)).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                Dispose();
                throw new TimeoutException($"The AutoRest test server did not answer on port {Port} within 60 s:{Environment.NewLine}{ServerLog}");
            }

            Thread.Sleep(200);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
