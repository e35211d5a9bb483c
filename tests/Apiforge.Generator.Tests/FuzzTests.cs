using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Options;
using Apiforge.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Deterministic mutations of small corpus documents. The property: no exception escapes the generator (no CS8785,
/// no AF9999), every diagnostic about the document is located in it, and whatever is generated compiles cleanly.
/// A few hundred mutants per run with a fixed seed; APIFORGE_FUZZ_LONG=N runs N mutants instead (APIFORGE_FUZZ_SEED
/// another seed, APIFORGE_FUZZ_DUMP a folder for failing mutants, APIFORGE_FUZZ_REPORT a file for the summary).
/// </summary>
public partial class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261125;
    private const int CiMutants = 300;

    private static readonly string[] s_documents =
    {
        "oai-petstore.yaml", "oai-petstore-expanded.yaml", "oai-v2-petstore.json", "oai-uspto.yaml", "oai-tictactoe.yaml",
        "oai-link-example.yaml", "oai-callback-example.json", "oai-v2-uber.yaml", "oai-api-with-examples.yaml", "redocly-museum.yaml",
    };

    private static readonly string[] s_junk =
    {
        "", "\"", "'", ":", "- ", "{", "}", "[", "]", "#", "&a", "*a", "!!str", "\t", "\n", "\\", "\u2028", "\uFEFF", "%", "|", ">", "?", ",",
        "$ref: '#/x'", "null", "~", "0", "-1", "1e999", "true", "\u0000",
    };

    private sealed record Mutant(string Name, string Path, string Text);

    [SharedFact]
    public void Mutated_corpus_documents_never_crash_and_give_located_diagnostics()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("APIFORGE_FUZZ_LONG"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : CiMutants;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("APIFORGE_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : Seed;
        var random = new Random(seed);
        var originals = s_documents
            .Select(name => Path.Combine(GeneratorHarness.SharedDirectory, "corpus", name))
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .ToList();
        var trees = originals.Select(o => ToTree(o.Path, o.Text)).ToList();

        var failures = new List<string>();
        var failed = new List<(int Number, Mutant Mutant)>();
        var byId = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Mutant? last = null;
        var failuresBefore = 0;
        var generated = 0;
        var compiled = 0;
        var compiledHashes = new HashSet<string>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (failures.Count > failuresBefore) failed.Add((i - 1, last!));
            failuresBefore = failures.Count;
            var index = random.Next(originals.Count);
            var mutant = Mutate(random, originals[index].Path, originals[index].Text, trees[index], i);
            last = mutant;
            GenerationResult result;
            try
            {
                result = GeneratorHarness.Run(new SpecFile(mutant.Path, mutant.Text, "Fuzz", "FuzzClient"));
            }
            catch (Exception ex)
            {
                failures.Add($"#{i} {mutant.Name}: the driver threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            foreach (var d in result.GeneratorDiagnostics)
            {
                byId[d.Id] = byId.TryGetValue(d.Id, out var c) ? c + 1 : 1;
                if (d.Id is "AF9999" or "CS8785")
                {
                    failures.Add($"#{i} {mutant.Name}: {d}");
                }
                else if (d.Id.StartsWith("AF", StringComparison.Ordinal) && d.Id is not ("AF0005" or "AF0007") &&
                         (d.Location == Location.None || d.Location.GetLineSpan().Path != mutant.Path))
                {
                    failures.Add($"#{i} {mutant.Name}: not located: {d}");
                }
            }

            var sources = result.Sources.ToList();
            if (sources.Count == 0) continue;
            generated++;
            // Mutants that generate the very same code need compiling once.
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\0", sources.Select(s => s.SourceText.ToString())))));
            if (!compiledHashes.Add(hash)) continue;
            compiled++;
            var errors = result.CompileDiagnostics();
            if (errors.Count > 0)
            {
                failures.Add($"#{i} {mutant.Name}: {errors.Count} compile diagnostics, first: {errors[0]}");
            }
        }
        stopwatch.Stop();
        if (failures.Count > failuresBefore && last is not null) failed.Add((count - 1, last));

        var summary = $"{count} mutants (seed {seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s: {generated} generated code, {compiled} distinct outputs compiled, " +
                      $"{failures.Count} failures; diagnostics: {string.Join(", ", byId.Select(p => p.Key + "=" + p.Value))}";
        output.WriteLine(summary);
        var dump = Environment.GetEnvironmentVariable("APIFORGE_FUZZ_DUMP");
        if (!string.IsNullOrEmpty(dump))
        {
            // Write each failing mutant out, for triage: the mutant numbers are in the failure lines.
            Directory.CreateDirectory(dump);
            foreach (var (number, mutant) in failed) File.WriteAllText(Path.Combine(dump, $"mutant{number}{Path.GetExtension(mutant.Path)}"), mutant.Text);
        }
        var report = Environment.GetEnvironmentVariable("APIFORGE_FUZZ_REPORT");
        if (!string.IsNullOrEmpty(report)) File.WriteAllLines(report, new[] { summary }.Concat(failures));
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures.Take(30)));
    }

    private static JsonNode? ToTree(string path, string text)
    {
        var locator = new SpecLocator(path, text, path.EndsWith(".json", StringComparison.Ordinal));
        var loader = new DocumentLoader(new ParseContext(path, locator, SpecLimits.Default, new DiagnosticCollector(), CancellationToken.None));
        return path.EndsWith(".json", StringComparison.Ordinal)
            ? loader.LoadJson(text.TrimStart('\uFEFF'))
            : loader.LoadYaml(text.TrimStart('\uFEFF'), text.Length - text.TrimStart('\uFEFF').Length);
    }

    private static Mutant Mutate(Random random, string path, string text, JsonNode? tree, int number)
    {
        var kind = random.Next(9);
        var fuzzPath = Path.Combine(Path.GetDirectoryName(path)!, $"fuzz{number}{Path.GetExtension(path)}");
        var jsonPath = Path.ChangeExtension(fuzzPath, ".json");
        switch (kind)
        {
            case 0:
                {
                    // Byte flips: a few characters replaced by junk.
                    var builder = new StringBuilder(text);
                    var flips = 1 + random.Next(4);
                    for (var f = 0; f < flips && builder.Length > 0; f++)
                    {
                        var at = random.Next(builder.Length);
                        builder.Remove(at, 1).Insert(at, s_junk[random.Next(s_junk.Length)]);
                    }
                    return new Mutant($"flip x{flips}", fuzzPath, builder.ToString());
                }
            case 1:
                {
                    var at = random.Next(text.Length + 1);
                    return new Mutant($"truncate at {at}", fuzzPath, text.Substring(0, at));
                }
            case 2:
                {
                    // A deleted line: a key and its value, or half of a value.
                    var lines = text.Split('\n').ToList();
                    var at = random.Next(lines.Count);
                    var length = 1 + random.Next(Math.Min(6, lines.Count - at));
                    lines.RemoveRange(at, length);
                    return new Mutant($"delete lines {at}+{length}", fuzzPath, string.Join("\n", lines));
                }
            case 3:
                {
                    // A duplicated line: a duplicated key (in YAML; in JSON a duplicated member).
                    var lines = text.Split('\n').ToList();
                    var at = random.Next(lines.Count);
                    lines.Insert(at, lines[at]);
                    return new Mutant($"duplicate line {at}", fuzzPath, string.Join("\n", lines));
                }
            default:
                {
                    if (tree is null) return new Mutant("unchanged", fuzzPath, text);
                    var copy = tree.DeepClone();
                    var nodes = new List<(JsonNode? Parent, string Key, JsonNode? Node, string Pointer)>();
                    Collect(copy, nodes);
                    var name = StructuralMutation(random, kind, copy, nodes);
                    return new Mutant(name, jsonPath, copy.ToJsonString(new JsonSerializerOptions { WriteIndented = random.Next(2) == 0 }));
                }
        }
    }

    private static string StructuralMutation(Random random, int kind, JsonNode root, List<(JsonNode? Parent, string Key, JsonNode? Node, string Pointer)> nodes)
    {
        var steps = 1 + random.Next(3);
        var names = new List<string>();
        for (var s = 0; s < steps; s++)
        {
            var (parent, key, node, pointer) = nodes[random.Next(nodes.Count)];
            if (parent is null) continue;
            switch (kind)
            {
                case 4:
                case 5:
                    {
                        // Type swap.
                        JsonNode? replacement = random.Next(7) switch
                        {
                            0 => JsonValue.Create("text"),
                            1 => JsonValue.Create(random.Next(-5, 100000)),
                            2 => new JsonArray(JsonValue.Create(1), JsonValue.Create("a")),
                            3 => new JsonObject { ["k"] = "v" },
                            4 => null,
                            5 => JsonValue.Create(random.Next(2) == 0),
                            _ => JsonValue.Create(1.5e300),
                        };
                        Set(parent, key, replacement);
                        names.Add("type swap at " + pointer);
                        break;
                    }
                case 6:
                    {
                        // A random $ref target.
                        if (node is not JsonObject obj) continue;
                        var targets = new[] { nodes[random.Next(nodes.Count)].Pointer, "#/nowhere", "#", "#/components/schemas", "other.yaml#/x", "http://example.com/x.json", "#/paths/~1a", "#/definitions/%25", "" };
                        var target = targets[random.Next(targets.Length)];
                        obj["$ref"] = target;
                        names.Add($"$ref {target} at {pointer}");
                        break;
                    }
                case 7:
                    {
                        // A deleted key.
                        if (parent is JsonObject p) p.Remove(key);
                        else if (parent is JsonArray a && int.Parse(key, CultureInfo.InvariantCulture) < a.Count) a.RemoveAt(int.Parse(key, CultureInfo.InvariantCulture));
                        names.Add("delete " + pointer);
                        break;
                    }
                default:
                    {
                        // A node copied somewhere else (a subtree in an unexpected place).
                        var (_, _, other, otherPointer) = nodes[random.Next(nodes.Count)];
                        Set(parent, key, other?.DeepClone());
                        names.Add($"copy {otherPointer} to {pointer}");
                        break;
                    }
            }
        }
        return string.Join("; ", names);
    }

    private static void Set(JsonNode parent, string key, JsonNode? value)
    {
        if (parent is JsonObject obj) obj[key] = value;
        else if (parent is JsonArray array && int.Parse(key, CultureInfo.InvariantCulture) is var i && i < array.Count) array[i] = value;
    }

    private static void Collect(JsonNode root, List<(JsonNode? Parent, string Key, JsonNode? Node, string Pointer)> nodes)
    {
        var stack = new Stack<(JsonNode? Parent, string Key, JsonNode? Node, string Pointer)>();
        stack.Push((null, "", root, "#"));
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            nodes.Add(item);
            if (item.Node is JsonObject obj)
            {
                foreach (var member in obj) stack.Push((obj, member.Key, member.Value, item.Pointer + "/" + member.Key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
            }
            else if (item.Node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++) stack.Push((array, i.ToString(CultureInfo.InvariantCulture), array[i], item.Pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }
}
