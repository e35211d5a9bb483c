using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Apiforge.Prism.Tests;

/// <summary>
/// One Prism mock server (<c>prism mock</c>) for one document, on a free loopback port; disposing it kills the whole
/// process tree. The npm package is installed once with <c>npm ci</c> from prism/package-lock.json when missing.
/// </summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim s_install = new(1, 1);
    private readonly Process _process;

    private PrismServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string PrismDirectory => Path.Combine(RepositoryRoot, "tests", "Apiforge.Prism.Tests", "prism");

    private static string PrismEntryPoint => Path.Combine(PrismDirectory, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

    public static async Task<PrismServer> StartAsync(string document, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = PrismDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { PrismEntryPoint, "mock", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), document })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrismServer(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (Exception ex)
        {
            await server.DisposeAsync();
            string text;
            lock (log) text = log.ToString();
            throw new InvalidOperationException($"Prism did not start for {document}: {ex.Message}\n{text}", ex);
        }
        return server;
    }

    private async Task WaitUntilListeningAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Prism exited with {_process.ExitCode}");
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "__apiforge_probe__"), cancellationToken);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await s_install.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(PrismEntryPoint)) return;
            var start = new ProcessStartInfo("npm")
            {
                WorkingDirectory = PrismDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" }) start.ArgumentList.Add(argument);
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
            var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = npm.StandardError.ReadToEndAsync(cancellationToken);
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0 || !File.Exists(PrismEntryPoint))
            {
                throw new InvalidOperationException($"npm ci failed ({npm.ExitCode}): {await output}{await error}");
            }
        }
        finally
        {
            s_install.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
