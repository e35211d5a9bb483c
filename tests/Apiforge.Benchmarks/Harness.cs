using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Emitting;
using Apiforge.Generator.Model;
using Apiforge.Generator.Options;
using Apiforge.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace Apiforge.Benchmarks;

/// <summary>
/// What BenchmarkDotNet does not fit: the incremental reruns (their state is a driver that already ran, and the
/// generator's own time comes from the driver's timing info), compile times of seconds, and a stage breakdown of
/// one cold generation. Stopwatch, median of a few runs, allocations of the current thread.
/// </summary>
internal static class Harness
{
    public static readonly List<string> Lines = new();

    public static void Print(string line)
    {
        Console.WriteLine(line);
        Lines.Add(line);
    }

    public static void FirstRun()
    {
        // The very first generation in this process: JIT and type loading included, as an IDE or build server pays once.
        var doc = Documents.Get(Documents.Partner);
        var sw = Stopwatch.StartNew();
        GeneratorHost.RunCold(doc, GeneratorHost.Consumer(GeneratorHost.ConsumerSource));
        Print($"First generation in a fresh process ({doc.Name}, JIT included): {Ms(sw.Elapsed.TotalMilliseconds)}");
        Print("");
    }

    private const int Measured = 200;

    /// <summary>The consumer compilation of the incremental reruns, and its one C# file that each rerun edits (unrelated to the spec).</summary>
    private sealed class UnrelatedEdits
    {
        private readonly SyntaxTree _first = CSharpSyntaxTree.ParseText("namespace Consumer { public static class B { } }", GeneratorHost.ParseOptions);
        private SyntaxTree _tree;
        private int _edits;

        public UnrelatedEdits()
        {
            _tree = _first;
            Start = Current = GeneratorHost.Consumer(GeneratorHost.ConsumerSource).AddSyntaxTrees(_first);
        }

        /// <summary>The compilation before any edit.</summary>
        public Compilation Start { get; }

        /// <summary>The compilation after the last edit.</summary>
        public Compilation Current { get; private set; }

        /// <summary>Starts again from <see cref="Start"/>.</summary>
        public void Reset()
        {
            Current = Start;
            _tree = _first;
            _edits = 0;
        }

        /// <summary>The compilation with the file edited once more.</summary>
        public Compilation Next()
        {
            var i = _edits++;
            var tree = CSharpSyntaxTree.ParseText($"namespace Consumer {{ public static class B{i} {{ public static int X => {i}; }} }}", GeneratorHost.ParseOptions);
            Current = Current.ReplaceSyntaxTree(_tree, tree);
            _tree = tree;
            return Current;
        }
    }

    public static void UnrelatedLoop(string name, int runs)
    {
        var doc = Documents.Get(name);
        var edits = new UnrelatedEdits();
        var driver = GeneratorHost.CreateDriver(new AdditionalText[] { new GeneratorHost.SpecText(doc.Path, doc.Text) }, "Bench", trackSteps: false).RunGenerators(edits.Start);
        var gens = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            driver = driver.RunGenerators(edits.Next());
            gens.Add(driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds);
        }
        var last = gens.Skip(gens.Count / 2).ToList();
        Console.WriteLine($"{name}: unrelated edit, generator time median of the last {last.Count} of {runs}: {Ms(Median(last))} (10th percentile {Ms(Percentile(last, 0.1))}); load {Machine.LoadAverage()}");
    }

    public static void Incremental(int unrelatedRuns, int specRuns)
    {
        Print("### Incremental reruns");
        Print("");
        Print("| document | edit | wall, median | generator time (driver timing), median (10th percentile) | step reasons (all tracked steps and outputs) |");
        Print("|---|---|---:|---:|---|");
        foreach (var name in Documents.Names)
        {
            var doc = Documents.Get(name);
            var edits = new UnrelatedEdits();
            var spec = new GeneratorHost.SpecText(doc.Path, doc.Text);
            var driver = GeneratorHost.CreateDriver(spec).RunGenerators(edits.Start);

            var walls = new List<double>();
            var gens = new List<double>();
            var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < 50; i++)
            {
                var next = edits.Next();
                var sw = Stopwatch.StartNew();
                driver = driver.RunGenerators(next);
                walls.Add(sw.Elapsed.TotalMilliseconds);
                gens.Add(driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds);
                Count(driver.GetRunResult().Results.Single(), reasons, onlyNamed: null);
            }
            Print($"| {name} | unrelated C# file (step tracking on, 50 runs, JIT still warming) | {Ms(Median(walls))} | {Ms(Median(gens))} ({Ms(Percentile(gens, 0.1))}) | {Format(reasons)} |");

            // The same without step tracking, as the IDE and the build run the driver.
            var untracked = GeneratorHost.CreateDriver(new AdditionalText[] { spec }, "Bench", trackSteps: false).RunGenerators(edits.Start);
            walls.Clear();
            gens.Clear();
            edits.Reset();
            for (var i = 0; i < unrelatedRuns; i++)
            {
                var next = edits.Next();
                var sw = Stopwatch.StartNew();
                untracked = untracked.RunGenerators(next);
                // The first runs warm the JIT up (the IDE runs the driver thousands of times); the last ones are measured.
                if (i < unrelatedRuns - Measured) continue;
                walls.Add(sw.Elapsed.TotalMilliseconds);
                gens.Add(untracked.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds);
            }
            Print($"| {name} | unrelated C# file (step tracking off as in the IDE; last {Measured} of {unrelatedRuns} runs) | {Ms(Median(walls))} | {Ms(Median(gens))} ({Ms(Percentile(gens, 0.1))}) | |");

            walls.Clear();
            gens.Clear();
            var typeReasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var outputReasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
            AdditionalText currentText = spec;
            for (var i = 0; i < specRuns; i++)
            {
                var edited = new GeneratorHost.SpecText(doc.Path, EditOneSchemaDescription(doc, $"Edited {i}. "));
                driver = driver.ReplaceAdditionalText(currentText, edited);
                currentText = edited;
                var sw = Stopwatch.StartNew();
                driver = driver.RunGenerators(edits.Current);
                walls.Add(sw.Elapsed.TotalMilliseconds);
                gens.Add(driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds);
                var result = driver.GetRunResult().Results.Single();
                if (i == specRuns - 1)
                {
                    Count(result, typeReasons, onlyNamed: "Types");
                    foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
                    {
                        Add(outputReasons, output.Reason.ToString());
                    }
                }
            }
            Print($"| {name} | one schema description in the spec | {Ms(Median(walls))} | {Ms(Median(gens))} ({Ms(Percentile(gens, 0.1))}) | Types: {Format(typeReasons)}; source outputs: {Format(outputReasons)} |");
        }
        Print("");
    }

    public static async Task DumpAsync(string directory, IReadOnlyList<string>? names = null)
    {
        foreach (var name in names ?? Documents.Names)
        {
            var doc = Documents.Get(name);
            var target = Path.Combine(directory, Path.GetFileNameWithoutExtension(name));
            Directory.CreateDirectory(Path.Combine(target, "apiforge"));
            foreach (var source in GeneratorHost.RunCold(doc, GeneratorHost.Consumer(GeneratorHost.ConsumerSource)).Results.Single().GeneratedSources)
            {
                File.WriteAllText(Path.Combine(target, "apiforge", source.HintName), source.SourceText.ToString());
            }
            File.WriteAllText(Path.Combine(target, "nswag-newtonsoft.cs"), await Baseline.NSwagGenerateAsync(doc).ConfigureAwait(false));
            File.WriteAllText(Path.Combine(target, "nswag-stj.cs"), await Baseline.NSwagStjGenerateAsync(doc).ConfigureAwait(false));
            Print($"{name}: written to {target}");
        }
    }

    public static void Breakdown(int runs)
    {
        Print("### Where one cold generation goes (median of runs; allocations of the thread)");
        Print("");
        Print("| document | stage | time | allocated |");
        Print("|---|---|---:|---:|");
        foreach (var name in Documents.Names)
        {
            var doc = Documents.Get(name);
            var isJson = !doc.IsYaml;
            var input = new SpecInput(doc.Path, doc.Text, new SpecOptions("Bench", null, null, "Consumer"));
            var consumer = GeneratorHost.Consumer(GeneratorHost.ConsumerSource);
            JsonNode? node = null;
            Microsoft.OpenApi.OpenApiDocument? openApi = null;
            ClientSpec? client = null;

            Stage(doc.Name, "text → JsonNode (" + (isJson ? "System.Text.Json" : "DocumentLoader: one pass of SharpYaml events, within the limits") + ")", runs, () => node = ToNode(doc));
            if (!isJson) Stage(doc.Name, "(before: YamlStream + YamlConverter.ToJsonNode)", runs, () => YamlStreamToNode(doc));
            Stage(doc.Name, "OpenApiJsonReader.Read(JsonNode)", runs, () => openApi = new OpenApiJsonReader().Read(node!, new Uri("file:///openapi"), new OpenApiReaderSettings { LoadExternalRefs = false }).Document);
            Stage(doc.Name, "SpecLocator alone, first lookup (YAML: parses events; in a run it reuses the loader's)", runs, () => new SpecLocator(doc.Path, doc.Text, isJson).Locate("#/components/schemas/zzz"));
            Stage(doc.Name, "ClientBuilder.Build (OpenApiDocument → ClientSpec)", runs, () => client = new ClientBuilder(new ParseContext(doc.Path, new SpecLocator(doc.Path, doc.Text, isJson), input.Options.Limits, new DiagnosticCollector(), CancellationToken.None), input.Options, openApi!).Build());
            Stage(doc.Name, "= DocumentParser.Parse (all of the above)", runs, () => DocumentParser.Parse(input, CancellationToken.None));
            Stage(doc.Name, "emit every file (ModelEmitter, ClientEmitter, JsonEmitter)", runs, () =>
            {
                var total = 0;
                foreach (var type in client!.Types) total += ModelEmitter.Emit(new TypeOutputSpec(client.Namespace, client.ClientName, type)).Length;
                total += ClientEmitter.Emit(client).Length;
                total += JsonEmitter.EmitContext(client).Length;
                return total;
            });
            Stage(doc.Name, "= the whole driver run (cold)", runs, () => GeneratorHost.RunCold(doc, consumer));
            var generatorTimes = new List<double>();
            var driverTimes = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var driver = GeneratorHost.CreateDriver(new GeneratorHost.SpecText(doc.Path, doc.Text)).RunGenerators(consumer);
                var timing = driver.GetTimingInfo();
                driverTimes.Add(timing.ElapsedTime.TotalMilliseconds);
                generatorTimes.Add(timing.GeneratorTimes.Single().ElapsedTime.TotalMilliseconds);
            }
            Print($"| {doc.Name} | of which the generator's own time / the driver's (its timing info) | {Ms(Median(generatorTimes))} / {Ms(Median(driverTimes))} | |");
            Stage(doc.Name, "(floor) Microsoft.OpenApi OpenApiDocument.Parse", runs, () => Baseline.ParseFloor(doc));
        }
        Print("");
    }

    public static readonly Dictionary<string, double> Results = new(StringComparer.Ordinal);

    private static void Stage(string doc, string stage, int runs, Func<object?> action)
    {
        action();
        var times = new List<double>();
        var allocs = new List<long>();
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times.Add(sw.Elapsed.TotalMilliseconds);
            allocs.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Print($"| {doc} | {stage} | {Ms(Median(times))} | {Mb(allocs.Order().ElementAt(allocs.Count / 2))} |");
    }

    private static JsonNode ToNode(BenchDocument doc)
    {
        if (!doc.IsYaml)
        {
            return JsonNode.Parse(doc.Text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 512 })!;
        }
        // The generator's own YAML loading (events straight into the tree, within the default limits).
        var locator = new Apiforge.Generator.Diagnostics.SpecLocator("bench.yaml", doc.Text, isJson: false);
        var loader = new Apiforge.Generator.Parsing.DocumentLoader(new Apiforge.Generator.Parsing.ParseContext(
            "bench.yaml", locator, Apiforge.Generator.Options.SpecLimits.Default, new Apiforge.Generator.Diagnostics.DiagnosticCollector(), CancellationToken.None));
        var node = loader.LoadYaml(doc.Text, 0)!;
        loader.Sanitize(node);
        return node;
    }

    private static JsonNode YamlStreamToNode(BenchDocument doc)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(doc.Text));
        return YamlConverter.ToJsonNode(stream.Documents[0]);
    }

    /// <summary>Prefixes the first plain description after the schemas with <paramref name="prefix"/>.</summary>
    private static string EditOneSchemaDescription(BenchDocument doc, string prefix)
    {
        var text = doc.Text;
        var schemas = text.IndexOf(doc.IsYaml ? "schemas:" : "\"schemas\"", StringComparison.Ordinal);
        var marker = doc.IsYaml ? "description:" : "\"description\":";
        var at = schemas;
        while (true)
        {
            at = text.IndexOf(marker, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException($"no plain description in {doc.Name}'s schemas");
            var value = at + marker.Length;
            while (value < text.Length && text[value] == ' ') value++;
            if (!doc.IsYaml && text[value] == '"') value++;
            if (char.IsLetter(text[value])) return text.Insert(value, prefix);
        }
    }

    private static void Count(GeneratorRunResult result, SortedDictionary<string, int> reasons, string? onlyNamed)
    {
        foreach (var (step, runs) in result.TrackedSteps)
        {
            if (onlyNamed is not null && step != onlyNamed) continue;
            foreach (var output in runs.SelectMany(r => r.Outputs)) Add(reasons, output.Reason.ToString());
        }
        if (onlyNamed is not null) return;
        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs)) Add(reasons, output.Reason.ToString());
    }

    private static void Add(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Format(SortedDictionary<string, int> counts) => string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}"));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Floor(p * (sorted.Count - 1))];
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Ms(double ms) => ms < 1 ? ms.ToString("0.000", CultureInfo.InvariantCulture) + " ms" : ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Kb(long chars) => (chars / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " K chars";

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
