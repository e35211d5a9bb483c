using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Apiforge.Benchmarks;

/// <summary>
/// What a consumer's compiler pays for the generated code: Apiforge's output (with Apiforge.Runtime) against NSwag's
/// in System.Text.Json mode (the baseline) and in its default Newtonsoft mode (second column). Each compile is parse +
/// bind + emit to memory on this thread (<c>concurrentBuild: false</c>, so the CPU times compare), Debug, nullable
/// enabled; the three run in alternating rounds and each column is the median of the rounds.
/// </summary>
internal static class CompileTable
{
    private static readonly CSharpCompilationOptions s_options = GeneratorHost.CompilationOptions.WithConcurrentBuild(false);

    private sealed record Output(string Name, IReadOnlyList<string> Sources, ImmutableArray<MetadataReference> References)
    {
        public long Characters => Sources.Sum(s => (long)s.Length);
    }

    private sealed record Measurement(double CpuMs, double WallMs, double AllocatedMb = 0);

    public static async Task RunAsync(int rounds, IReadOnlyList<string> documentNames)
    {
        Harness.Print($"### Compiling the generated code (parse + bind + emit to memory, one thread: concurrentBuild false; Debug, nullable enabled; median of {rounds} alternating rounds)");
        Harness.Print("");
        Harness.Print($"Load average (1/5/15 min) before: {Machine.LoadAverage()}");
        Harness.Print("");
        Harness.Print("| document | Apiforge output | NSwag STJ output | NSwag Newtonsoft output | Apiforge CPU / wall | NSwag STJ CPU / wall | NSwag Newtonsoft CPU / wall | **CPU ratio Apiforge / NSwag STJ** | CPU ratio Apiforge / NSwag Newtonsoft | wall ratio Apiforge / NSwag STJ | errors (Apiforge / STJ / Newtonsoft) |");
        Harness.Print("|---|---|---|---|---:|---:|---:|---:|---:|---:|---|");
        var failures = new List<string>();
        foreach (var name in documentNames)
        {
            var doc = Documents.Get(name);
            var outputs = new[]
            {
                new Output("Apiforge", GeneratorHost.RunCold(doc, GeneratorHost.Consumer(GeneratorHost.ConsumerSource)).Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToList(), GeneratorHost.ApiforgeReferences),
                new Output("NSwag STJ", new[] { await Baseline.NSwagStjGenerateAsync(doc).ConfigureAwait(false) }, GeneratorHost.FrameworkReferences),
                new Output("NSwag Newtonsoft", new[] { await Baseline.NSwagGenerateAsync(doc).ConfigureAwait(false) }, GeneratorHost.NSwagReferences),
            };

            // A first compile of each, unmeasured: it warms the compiler's code up and gives the errors.
            var errors = outputs.Select(o => Errors(o)).ToList();
            for (var i = 0; i < outputs.Length; i++)
            {
                if (errors[i].Count > 0) failures.Add($"{name}, {outputs[i].Name}: {errors[i].Count} errors, first: {errors[i][0]}");
            }

            var measured = outputs.Select(_ => new List<Measurement>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                // Alternate, so drift on a shared machine hits every column alike.
                for (var i = 0; i < outputs.Length; i++) measured[i].Add(Measure(outputs[i]));
                // Progress on standard error (not in the table): a round takes minutes on a busy machine.
                Console.Error.WriteLine($"{name}, round {round + 1}: " + string.Join(", ", outputs.Select((o, i) => $"{o.Name} {Seconds(measured[i][^1].CpuMs)} CPU / {Seconds(measured[i][^1].WallMs)} wall")) + $"; load {Machine.LoadAverage()}");
            }
            var cpu = measured.Select(m => Median(m.Select(x => x.CpuMs))).ToArray();
            var wall = measured.Select(m => Median(m.Select(x => x.WallMs))).ToArray();
            Harness.Results[$"compile-cpu/{name}"] = cpu[0] / cpu[1];
            Harness.Results[$"compile-cpu-newtonsoft/{name}"] = cpu[0] / cpu[2];
            Harness.Print($"| {name} | {Size(outputs[0])} | {Size(outputs[1])} | {Size(outputs[2])} | {Seconds(cpu[0])} / {Seconds(wall[0])} | {Seconds(cpu[1])} / {Seconds(wall[1])} | {Seconds(cpu[2])} / {Seconds(wall[2])} | **{Ratio(cpu[0] / cpu[1])}** | {Ratio(cpu[0] / cpu[2])} | {Ratio(wall[0] / wall[1])} | {errors[0].Count} / {errors[1].Count} / {errors[2].Count} |");
        }
        Harness.Print("");
        Harness.Print($"Load average (1/5/15 min) after: {Machine.LoadAverage()}");
        Harness.Print("");
        foreach (var failure in failures) Harness.Print($"- does not compile: {failure}");
        if (failures.Count > 0) Harness.Print("");
    }

    /// <summary>
    /// Compiles every <c>*.cs</c> file under each directory (with Apiforge.Runtime's references) in alternating rounds and
    /// prints the median CPU time: an experiment bench for "what does this part of the output cost", run on copies of a
    /// <c>--dump</c> with parts cut out.
    /// </summary>
    public static void CompileDirectories(IReadOnlyList<string> directories, int rounds)
    {
        var outputs = directories.Select(d => new Output(d, Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList(), GeneratorHost.ApiforgeReferences)).ToList();
        var errors = outputs.Select(Errors).ToList();
        var measured = outputs.Select(_ => new List<Measurement>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < outputs.Count; i++) measured[i].Add(Measure(outputs[i]));
        }
        Console.WriteLine($"load {Machine.LoadAverage()}");
        for (var i = 0; i < outputs.Count; i++)
        {
            var cpu = Median(measured[i].Select(m => m.CpuMs));
            var allocated = Median(measured[i].Select(m => m.AllocatedMb));
            // Allocations track the compiler's work and do not move with the machine's load: the steadier of the two.
            Console.WriteLine($"{outputs[i].Name}: {Size(outputs[i])}, CPU {Seconds(cpu)} ({Ratio(cpu / Median(measured[0].Select(m => m.CpuMs)))} of the first), allocated {allocated:0} MB ({Ratio(allocated / Median(measured[0].Select(m => m.AllocatedMb)))}), {errors[i].Count} errors{(errors[i].Count > 0 ? ", first: " + errors[i][0] : "")}");
        }
    }

    private static Measurement Measure(Output output)
    {
        var cpu = Machine.ProcessCpu();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        GC.KeepAlive(Emit(output));
        var elapsed = wall.Elapsed.TotalMilliseconds;
        return new Measurement((Machine.ProcessCpu() - cpu).TotalMilliseconds, elapsed, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6);
    }

    private static Microsoft.CodeAnalysis.Emit.EmitResult Emit(Output output)
    {
        var trees = output.Sources.Select(s => CSharpSyntaxTree.ParseText(s, GeneratorHost.ParseOptions));
        var compilation = CSharpCompilation.Create("Generated", trees, output.References, s_options);
        using var stream = new MemoryStream();
        return compilation.Emit(stream);
    }

    private static List<string> Errors(Output output)
        => Emit(output).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

    private static string Size(Output output)
        => $"{output.Sources.Count} {(output.Sources.Count == 1 ? "file" : "files")}, {(output.Characters / 1e6).ToString("0.00", CultureInfo.InvariantCulture)} M chars";

    private static string Seconds(double ms) => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
