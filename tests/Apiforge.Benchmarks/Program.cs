using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Apiforge.Benchmarks;

/// <summary>
/// Runs everything in one process: the harness (incremental reruns, compile times, stage breakdown), then
/// BenchmarkDotNet (cold generation vs parse floor vs NSwag; one runtime call vs hand-written vs NSwag), then prints
/// the ratio table. Arguments: --skip-harness, --skip-generation, --skip-runtime, --write-nswag-baseline, --compile-only,
/// --consumer-build, and the switches listed in docs/benchmarks.md.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--write-nswag-baseline"))
        {
            await NSwagBaselineWriter.WriteAsync().ConfigureAwait(false);
            return 0;
        }

        if (args.Contains("--runtime-profile"))
        {
            await RuntimeProfile.RunAsync().ConfigureAwait(false);
            return 0;
        }
        var coldAt = Array.IndexOf(args, "--cold");
        if (coldAt >= 0 && coldAt + 1 < args.Length)
        {
            // Any document: a few cold runs (--runs N), time and diagnostics; many of them for a profiler.
            var coldPath = Path.GetFullPath(args[coldAt + 1]);
            var doc = new BenchDocument(Path.GetFileName(coldPath), coldPath, await File.ReadAllTextAsync(coldPath).ConfigureAwait(false));
            var consumer = GeneratorHost.Consumer(GeneratorHost.ConsumerSource);
            var coldRuns = IntArgument(args, "--runs") ?? 3;
            for (var i = 0; i < coldRuns; i++)
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var result = GeneratorHost.RunCold(doc, consumer).Results.Single();
                var locations = string.Join("\n", result.Diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan()));
                Console.WriteLine($"{doc.Name}: {sw.Elapsed.TotalMilliseconds:0} ms, {result.GeneratedSources.Length} sources, {result.Diagnostics.Length} diagnostics, locations hash {System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(locations))[0]:x2}{System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(locations))[1]:x2}");
            }
            return 0;
        }
        if (args.Contains("--breakdown-only"))
        {
            Harness.Breakdown(runs: 3);
            return 0;
        }
        var descriptionEditAt = Array.IndexOf(args, "--description-edit");
        if (descriptionEditAt >= 0)
        {
            DescriptionEditHarness.Run(descriptionEditAt + 1 < args.Length ? int.Parse(args[descriptionEditAt + 1], CultureInfo.InvariantCulture) : 20);
            return 0;
        }
        var dumpAt = Array.IndexOf(args, "--dump");
        if (dumpAt >= 0 && dumpAt + 1 < args.Length)
        {
            // Writes Apiforge's generated files and NSwag's (both modes) per document, to look at what the size is made of.
            await Harness.DumpAsync(Path.GetFullPath(args[dumpAt + 1]), DocumentsArgument(args)).ConfigureAwait(false);
            return 0;
        }
        var rounds = IntArgument(args, "--rounds") ?? 5;
        var compileDirAt = Array.IndexOf(args, "--compile-dirs");
        if (compileDirAt >= 0 && compileDirAt + 1 < args.Length)
        {
            // Experiment bench: compile dumped (and edited) outputs side by side; the first directory is the baseline.
            CompileTable.CompileDirectories(args[compileDirAt + 1].Split(',').Select(Path.GetFullPath).ToList(), rounds);
            return 0;
        }
        if (args.Contains("--compile-only"))
        {
            // The compile table alone (generated size and compile CPU time against NSwag's, both modes), a few minutes.
            Harness.Print($"Machine: {Machine.Describe()}");
            Harness.Print("");
            await CompileTable.RunAsync(rounds, DocumentsArgument(args) ?? Documents.CompileNames).ConfigureAwait(false);
            return 0;
        }
        if (args.Contains("--consumer-build"))
        {
            // Full builds and one-line-edit rebuilds of two small consumer projects per document, with dotnet build.
            Harness.Print($"Machine: {Machine.Describe()}");
            Harness.Print("");
            var feedAt = Array.IndexOf(args, "--feed");
            await ConsumerBuild.RunAsync(DocumentsArgument(args) ?? Documents.Names, IntArgument(args, "--pairs") ?? 3, feedAt >= 0 && feedAt + 1 < args.Length ? Path.GetFullPath(args[feedAt + 1]) : null).ConfigureAwait(false);
            return 0;
        }
        if (IntArgument(args, "--unrelated-loop") is { } loopRuns)
        {
            // For a profiler (dotnet-trace): only the unrelated-C#-edit rerun on one document, many times.
            Harness.UnrelatedLoop(DocumentsArgument(args)?.Single() ?? Documents.Stripe, loopRuns);
            return 0;
        }
        if (args.Contains("--incremental-only"))
        {
            Harness.Incremental(unrelatedRuns: 300, specRuns: 3);
            return 0;
        }

        var output = Path.Combine(Documents.RepositoryRoot, "tests", "Apiforge.Benchmarks", "BenchmarkDotNet.Artifacts");
        Directory.CreateDirectory(output);

        Harness.Lines.Add($"Machine: {Machine.Describe()}; load average (1/5/15 min) at the start: {Machine.LoadAverage()}");
        Harness.Lines.Add("");
        if (!args.Contains("--skip-harness"))
        {
            Harness.FirstRun();
            Harness.Incremental(unrelatedRuns: 1000, specRuns: 5);
            await CompileTable.RunAsync(rounds, Documents.CompileNames).ConfigureAwait(false);
            Harness.Breakdown(runs: 5);
            Harness.Lines.AddRange(await RuntimeProfile.RunAsync().ConfigureAwait(false));
        }

        // A short job (one launch, 3 warmups, 10 measured iterations, in process) so a full run takes minutes on 2 cores.
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short-InProcess");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(output)
            .WithOptions(ConfigOptions.JoinSummary);

        var filterAt = Array.IndexOf(args, "--filter");
        if (filterAt >= 0 && filterAt + 1 < args.Length)
        {
            var part = args[filterAt + 1];
            config = config.AddFilter(new BenchmarkDotNet.Filters.NameFilter(name => name.Contains(part, StringComparison.OrdinalIgnoreCase)));
        }

        var summaries = new List<Summary>();
        if (!args.Contains("--skip-generation")) summaries.Add(BenchmarkRunner.Run<GenerationBenchmarks>(config));
        if (!args.Contains("--skip-runtime")) summaries.Add(BenchmarkRunner.Run<RuntimeBenchmarks>(config));

        Harness.Lines.Add($"Load average (1/5/15 min) at the end: {Machine.LoadAverage()}");
        Harness.Lines.Add("");
        var table = RatioTable(summaries);
        var report = string.Join(Environment.NewLine, Harness.Lines.Concat(table));
        var path = Path.Combine(output, "apiforge-report.md");
        await File.WriteAllTextAsync(path, report).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine();
        Console.WriteLine($"Report written to {path}");
        return 0;
    }

    private static int? IntArgument(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }

    /// <summary><c>--documents a.json,b.yaml</c>: which documents the compile table or the consumer build measure.</summary>
    private static string[]? DocumentsArgument(string[] args)
    {
        var at = Array.IndexOf(args, "--documents");
        return at >= 0 && at + 1 < args.Length ? args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
    }

    private static List<string> RatioTable(List<Summary> summaries)
    {
        var rows = new Dictionary<(string Method, string Doc), (double Ns, long Bytes)>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            if (report.ResultStatistics is null) continue;
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var doc = report.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Document")?.Value as string ?? "";
            rows[(method, doc)] = (report.ResultStatistics.Median, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0);
        }

        var lines = new List<string>
        {
            "### Ratios (BenchmarkDotNet medians and allocated bytes per operation, same run)",
            "",
            "| measure | value | target | met |",
            "|---|---:|---|---|",
        };
        void Row(string measure, double value, string target, bool met) =>
            lines.Add($"| {measure} | {value.ToString("0.00", CultureInfo.InvariantCulture)}× | {target} | {(met ? "yes" : "**no**")} |");

        foreach (var doc in Documents.Names)
        {
            if (!rows.TryGetValue(("ApiforgeCold", doc), out var gen)) continue;
            var floor = rows[("ParseFloor", doc)];
            var nswag = rows[("NSwag", doc)];
            var nswagStj = rows.TryGetValue(("NSwagStj", doc), out var stj) ? stj : nswag;
            lines.Add($"| {doc}: Apiforge cold / parse floor / NSwag STJ / NSwag Newtonsoft | {Ms(gen.Ns)} / {Ms(floor.Ns)} / {Ms(nswagStj.Ns)} / {Ms(nswag.Ns)} | | |");
            lines.Add($"| {doc}: allocated, Apiforge / floor / NSwag STJ / NSwag Newtonsoft | {Mb(gen.Bytes)} / {Mb(floor.Bytes)} / {Mb(nswagStj.Bytes)} / {Mb(nswag.Bytes)} | | |");
            Row($"{doc}: cold generation / parse floor (time)", gen.Ns / floor.Ns, "≤ 2×", gen.Ns / floor.Ns <= 2);
            Row($"{doc}: cold generation / NSwag STJ (time)", gen.Ns / nswagStj.Ns, "≤ 0.5×", gen.Ns / nswagStj.Ns <= 0.5);
            Row($"{doc}: cold generation / NSwag Newtonsoft (time)", gen.Ns / nswag.Ns, "(reported)", true);
            Row($"{doc}: cold generation / NSwag STJ (allocated)", (double)gen.Bytes / nswagStj.Bytes, "(reported)", true);
            Row($"{doc}: cold generation / parse floor (allocated)", (double)gen.Bytes / floor.Bytes, "(reported)", true);
        }
        foreach (var doc in Documents.CompileNames)
        {
            if (Harness.Results.TryGetValue($"compile-cpu/{doc}", out var compile)) Row($"{doc}: compile generated code / NSwag STJ's (CPU)", compile, "≤ 1×", compile <= 1);
            if (Harness.Results.TryGetValue($"compile-cpu-newtonsoft/{doc}", out var newtonsoft)) Row($"{doc}: compile generated code / NSwag Newtonsoft's (CPU)", newtonsoft, "(reported)", true);
        }
        foreach (var (key, label, target, limit) in new[]
        {
            ("runtime-time/nswag-stj", "runtime call / NSwag STJ, best-of-rounds loop (CPU time)", "≤ 0.75×", 0.75),
            ("runtime-bytes/nswag-stj", "runtime call / NSwag STJ, best-of-rounds loop (allocated)", "≤ 0.75×", 0.75),
            ("runtime-time/hand-written", "runtime call / hand-written STJ, best-of-rounds loop (CPU time)", "≤ 0.6×", 0.6),
            ("runtime-bytes/hand-written", "runtime call / hand-written STJ, best-of-rounds loop (allocated)", "≤ 0.6×", 0.6),
        })
        {
            if (Harness.Results.TryGetValue(key, out var value)) Row(label, value, target, value <= limit);
        }
        if (rows.TryGetValue(("ApiforgeCall", ""), out var call))
        {
            var hand = rows[("HandWrittenCall", "")];
            var nswagStj = rows[("NSwagStjCall", "")];
            var nswag = rows[("NSwagCall", "")];
            lines.Add($"| runtime call: Apiforge / hand-written / NSwag STJ / NSwag Newtonsoft | {Us(call.Ns)} / {Us(hand.Ns)} / {Us(nswagStj.Ns)} / {Us(nswag.Ns)}; {call.Bytes} B / {hand.Bytes} B / {nswagStj.Bytes} B / {nswag.Bytes} B | | |");
            Row("runtime call / NSwag STJ (time)", call.Ns / nswagStj.Ns, "≤ 0.75×", call.Ns / nswagStj.Ns <= 0.75);
            Row("runtime call / NSwag STJ (allocated)", (double)call.Bytes / nswagStj.Bytes, "≤ 0.75×", (double)call.Bytes / nswagStj.Bytes <= 0.75);
            Row("runtime call / hand-written STJ (time)", call.Ns / hand.Ns, "≤ 0.6×", call.Ns / hand.Ns <= 0.6);
            Row("runtime call / hand-written STJ (allocated)", (double)call.Bytes / hand.Bytes, "≤ 0.6×", (double)call.Bytes / hand.Bytes <= 0.6);
            Row("runtime call / NSwag Newtonsoft (time)", call.Ns / nswag.Ns, "(reported)", true);
            Row("runtime call / NSwag Newtonsoft (allocated)", (double)call.Bytes / nswag.Bytes, "(reported)", true);
        }
        lines.Add("");
        return lines;
    }

    private static string Ms(double ns) => Harness.Ms(ns / 1e6);

    private static string Us(double ns) => (ns / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs";

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
