using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Apiforge.Benchmarks;

/// <summary>
/// <c>--consumer-build</c>: what a user waits for. Two small net10.0 console projects per document in a temp folder,
/// built with <c>dotnet build</c> (Debug): one references the packed Apiforge.Generator (and through it
/// Apiforge.Runtime) with the document as its <c>OpenApiSpec</c>, the other holds NSwag's System.Text.Json output as a
/// .cs file. Restored once, then built with <c>--no-restore</c> in alternating pairs: a full build (bin/ and
/// obj/Debug/ deleted) and a rebuild after a one-line Program.cs edit. Build servers are off
/// (<c>--disable-build-servers</c>, <c>UseSharedCompilation=false</c>, no node reuse), so every process of a build
/// ends with it and its CPU time is in this process's waited-for children (getrusage).
/// </summary>
internal static partial class ConsumerBuild
{
    private const string Configuration = "Debug";
    private const string TargetFramework = "net10.0";
    private const string BuildArguments = "build --no-restore --disable-build-servers -nodeReuse:false -p:UseSharedCompilation=false";

    private sealed record Timing(double WallMs, double? CpuMs);

    private sealed record Consumer(string Name, string Folder)
    {
        public string Program => Path.Combine(Folder, "Program.cs");
    }

    public static async Task RunAsync(IReadOnlyList<string> documentNames, int pairs, string? existingFeed)
    {
        var root = Path.Combine(Path.GetTempPath(), "apiforge-consumer-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var sdk = Run(root, "--version").Output.Trim();
            var (feed, packTiming) = existingFeed is null ? Pack(Path.Combine(root, "feed")) : (existingFeed, (Timing?)null);
            var version = PackageVersion(feed);
            PrepareRoot(root, feed);

            Harness.Print($"### Consumer build (dotnet build, {Configuration}, {TargetFramework}, SDK {sdk}; build servers off; median of {pairs} alternating pairs)");
            Harness.Print("");
            Harness.Print(packTiming is null
                ? $"Packages: Apiforge.Generator and Apiforge.Runtime {version} from {feed}."
                : $"Packages: Apiforge.Generator and Apiforge.Runtime {version}, packed from this repository (Release) in {Seconds(packTiming.WallMs)}.");
            Harness.Print("");
            Harness.Print($"Load average (1/5/15 min) before: {Machine.LoadAverage()}");
            Harness.Print("");
            Harness.Print("| document | Apiforge full build wall / CPU | NSwag STJ full build wall / CPU | **full build ratio wall / CPU** | Apiforge edit rebuild wall / CPU | NSwag STJ edit rebuild wall / CPU | **edit rebuild ratio wall / CPU** | warnings (Apiforge / NSwag STJ) | first restore (Apiforge / NSwag STJ) |");
            Harness.Print("|---|---:|---:|---:|---:|---:|---:|---|---|");
            foreach (var name in documentNames)
            {
                var doc = Documents.Get(name);
                var apiforge = CreateApiforgeConsumer(root, doc, version);
                var nswag = await CreateNSwagConsumerAsync(root, doc).ConfigureAwait(false);
                var restores = new[] { apiforge, nswag }.Select(c => Time(() => Run(c.Folder, "restore"))).ToList();

                // No unmeasured warm-up build (a build takes minutes on a busy 2-core machine): the median of the pairs
                // leaves out a first build slowed by a cold disk cache. The warnings are the first full build's.
                var full = new[] { new List<Timing>(), new List<Timing>() };
                var edit = new[] { new List<Timing>(), new List<Timing>() };
                var warnings = new[] { "?", "?" };
                var consumers = new[] { apiforge, nswag };
                for (var pair = 0; pair < pairs; pair++)
                {
                    for (var i = 0; i < consumers.Length; i++)
                    {
                        ProcessResult? result = null;
                        full[i].Add(Progress($"{name}, {consumers[i].Name}, full build {pair + 1}", Time(() => result = FullBuild(consumers[i]))));
                        if (pair == 0) warnings[i] = Warnings(result!.Output);
                    }
                }
                for (var pair = 0; pair < pairs; pair++)
                {
                    for (var i = 0; i < consumers.Length; i++)
                    {
                        WriteProgram(consumers[i], $"edit {pair + 1}");
                        edit[i].Add(Progress($"{name}, {consumers[i].Name}, edit rebuild {pair + 1}", Time(() => Run(consumers[i].Folder, BuildArguments))));
                    }
                }
                var a = Median(full[0]);
                var n = Median(full[1]);
                var ae = Median(edit[0]);
                var ne = Median(edit[1]);
                Harness.Results[$"consumer-wall/{name}"] = a.WallMs / n.WallMs;
                if (a.CpuMs is { } aCpu && n.CpuMs is { } nCpu) Harness.Results[$"consumer-cpu/{name}"] = aCpu / nCpu;
                Harness.Print($"| {name} | {Format(a)} | {Format(n)} | **{RatioPair(a, n)}** | {Format(ae)} | {Format(ne)} | **{RatioPair(ae, ne)}** | {warnings[0]} / {warnings[1]} | {Seconds(restores[0].WallMs)} / {Seconds(restores[1].WallMs)} |");
            }
            Harness.Print("");
            Harness.Print($"Load average (1/5/15 min) after: {Machine.LoadAverage()}");
            Harness.Print("");
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                Console.WriteLine($"left {root} behind");
            }
        }
    }

    private static (string Feed, Timing Timing) Pack(string feed)
    {
        Directory.CreateDirectory(feed);
        var timing = Time(() =>
        {
            foreach (var project in new[] { "runtime/Apiforge.Runtime/Apiforge.Runtime.csproj", "generator/Apiforge.Generator/Apiforge.Generator.csproj" })
            {
                Run(Documents.RepositoryRoot, $"pack \"{Path.Combine(Documents.RepositoryRoot, project)}\" -c Release -o \"{feed}\"");
            }
            return new ProcessResult("", 0);
        });
        return (feed, timing);
    }

    private static string PackageVersion(string feed)
    {
        var package = Directory.GetFiles(feed, "Apiforge.Generator.*.nupkg").SingleOrDefault()
            ?? throw new FileNotFoundException($"no single Apiforge.Generator.*.nupkg in {feed}");
        return Path.GetFileNameWithoutExtension(package)["Apiforge.Generator.".Length..];
    }

    /// <summary>
    /// A nuget.config with the packed feed (and nuget.org for anything else), a packages folder of its own (so a cached
    /// package of the same version is not used instead of the fresh one), and empty Directory.* files so that this
    /// repository's build settings do not reach the consumers.
    /// </summary>
    private static void PrepareRoot(string root, string feed)
    {
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="Apiforge.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, file), "<Project />");
        }
    }

    private static string Project(string extraItems) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>{TargetFramework}</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <RootNamespace>Consumer</RootNamespace>
          </PropertyGroup>
          <ItemGroup>
        {extraItems}
          </ItemGroup>
        </Project>
        """;

    private static Consumer CreateApiforgeConsumer(string root, BenchDocument doc, string version)
    {
        var consumer = new Consumer("Apiforge", Path.Combine(root, "apiforge-" + Path.GetFileNameWithoutExtension(doc.Name)));
        Directory.CreateDirectory(consumer.Folder);
        var spec = "spec" + Path.GetExtension(doc.Name);
        File.WriteAllText(Path.Combine(consumer.Folder, spec), doc.Text);
        File.WriteAllText(Path.Combine(consumer.Folder, "ApiforgeConsumer.csproj"), Project($"""
                <PackageReference Include="Apiforge.Generator" Version="{version}" />
                <OpenApiSpec Include="{spec}" Namespace="Consumer.Api" />
            """));
        WriteProgram(consumer, "edit 0");
        return consumer;
    }

    private static async Task<Consumer> CreateNSwagConsumerAsync(string root, BenchDocument doc)
    {
        var consumer = new Consumer("NSwag STJ", Path.Combine(root, "nswag-" + Path.GetFileNameWithoutExtension(doc.Name)));
        Directory.CreateDirectory(consumer.Folder);
        File.WriteAllText(Path.Combine(consumer.Folder, "Client.cs"), await Baseline.NSwagStjGenerateAsync(doc).ConfigureAwait(false));
        File.WriteAllText(Path.Combine(consumer.Folder, "NSwagConsumer.csproj"), Project(""));
        WriteProgram(consumer, "edit 0");
        return consumer;
    }

    /// <summary>The one line that the edit rebuilds change.</summary>
    private static void WriteProgram(Consumer consumer, string text)
        => File.WriteAllText(consumer.Program, $"System.Console.WriteLine(\"{text}\");\n");

    private static ProcessResult FullBuild(Consumer consumer)
    {
        foreach (var folder in new[] { Path.Combine(consumer.Folder, "bin"), Path.Combine(consumer.Folder, "obj", Configuration) })
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        return Run(consumer.Folder, BuildArguments);
    }

    private sealed record ProcessResult(string Output, int ExitCode);

    private static Timing Time(Func<ProcessResult> action)
    {
        var cpu = Machine.ChildrenCpu();
        var wall = Stopwatch.StartNew();
        action();
        var elapsed = wall.Elapsed.TotalMilliseconds;
        var after = Machine.ChildrenCpu();
        return new Timing(elapsed, cpu is { } c && after is { } a ? (a - c).TotalMilliseconds : null);
    }

    private static ProcessResult Run(string folder, string arguments)
    {
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} in {folder} took longer than 15 minutes");
        }
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} in {folder} exited with {process.ExitCode}:\n{string.Join('\n', output.Split('\n').TakeLast(30))}");
        }
        return new ProcessResult(output, process.ExitCode);
    }

    private static string Warnings(string buildOutput)
        => WarningCount().Match(buildOutput) is { Success: true } match ? match.Groups[1].Value : "?";

    [GeneratedRegex(@"(\d+) Warning\(s\)")]
    private static partial Regex WarningCount();

    private static Timing Progress(string what, Timing timing)
    {
        Console.Error.WriteLine($"{what}: {Format(timing)} (wall / CPU), load {Machine.LoadAverage()}");
        return timing;
    }

    private static Timing Median(List<Timing> timings)
    {
        var cpu = timings.All(t => t.CpuMs.HasValue) ? Median(timings.Select(t => t.CpuMs!.Value)) : (double?)null;
        return new Timing(Median(timings.Select(t => t.WallMs)), cpu);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Format(Timing timing) => $"{Seconds(timing.WallMs)} / {(timing.CpuMs is { } cpu ? Seconds(cpu) : "n/a")}";

    private static string RatioPair(Timing a, Timing b)
        => $"{(a.WallMs / b.WallMs).ToString("0.00", CultureInfo.InvariantCulture)}× / {(a.CpuMs is { } ac && b.CpuMs is { } bc ? (ac / bc).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "n/a")}";

    private static string Seconds(double ms) => (ms / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
