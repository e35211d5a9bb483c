using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Systematic mutants, as an editor produces them while the user types: every node of the seed documents and of the
/// partner document replaced by null, by a scalar and by an empty mapping, and every line cut off mid-keystroke
/// (after its key's colon, and in the middle). The partner document (350 operations) is cut into slices, one per
/// operation and one per component schema, each with only what it $refs, so each mutant costs a small document.
/// CI runs an evenly spread sample of the whole mutant list; APIFORGE_FUZZ_LONG=N runs N of them (all when N is larger).
/// </summary>
public partial class FuzzTests
{
    private const int CiNodeMutants = 240;

    private sealed record Base(string Name, string Path, JsonObject Root, string Scope, string Text);

    private sealed record LazyMutant(string Name, string Path, Func<string> Text);

    [Fact]
    public void Every_node_replaced_and_every_line_cut_never_crashes_and_gives_located_diagnostics()
    {
        var bases = SeedDocuments().Concat(PartnerSlices()).ToList();
        // Half of the sample replaces nodes, half cuts lines (the pretty-printed slices have many more lines than nodes).
        var nodeMutants = bases.SelectMany(NodeMutants).ToList();
        var lineMutants = bases.SelectMany(LineMutants).ToList();
        var isLong = int.TryParse(Environment.GetEnvironmentVariable("APIFORGE_FUZZ_LONG"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0;
        var requested = isLong ? n : CiNodeMutants;
        // Compiling dominates a mutant's cost: the long mode compiles every fifth distinct output, CI every one.
        var compileEvery = isLong ? 5 : 1;
        var chosen = Spread(nodeMutants, requested - requested / 2).Concat(Spread(lineMutants, requested / 2)).ToList();
        var total = nodeMutants.Count + lineMutants.Count;

        var failures = new List<string>();
        var byId = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var distinctHashes = new HashSet<string>(StringComparer.Ordinal);
        var generated = 0;
        var compiled = 0;
        var stopwatch = Stopwatch.StartNew();
        foreach (var mutant in chosen)
        {
            var text = mutant.Text();
            GenerationResult result;
            try
            {
                result = GeneratorHarness.Run(new SpecFile(mutant.Path, text, "Fuzz", "FuzzClient"));
            }
            catch (Exception ex)
            {
                failures.Add($"{mutant.Name}: the driver threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }
            foreach (var d in result.GeneratorDiagnostics)
            {
                byId[d.Id] = byId.TryGetValue(d.Id, out var c) ? c + 1 : 1;
                if (d.Id is "AF9999" or "CS8785") failures.Add($"{mutant.Name}: {d}");
                else if (d.Location == Location.None || d.Location.GetLineSpan().Path != mutant.Path) failures.Add($"{mutant.Name}: not located: {d}");
            }
            var sources = result.Sources.ToList();
            if (sources.Count == 0) continue;
            generated++;
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\0", sources.Select(s => s.SourceText.ToString())))));
            if (!distinctHashes.Add(hash) || (distinctHashes.Count - 1) % compileEvery != 0) continue;
            compiled++;
            var errors = result.CompileDiagnostics();
            if (errors.Count > 0) failures.Add($"{mutant.Name}: {errors.Count} compile diagnostics, first: {errors[0]}");
        }
        stopwatch.Stop();

        var summary = $"{chosen.Count} of {total} node/line mutants over {bases.Count} documents and slices in {stopwatch.Elapsed.TotalSeconds:F1} s: " +
                      $"{generated} generated code, {distinctHashes.Count} distinct outputs, {compiled} of them compiled, {failures.Count} failures; " +
                      $"diagnostics: {string.Join(", ", byId.Select(p => p.Key + "=" + p.Value))}";
        output.WriteLine(summary);
        var report = Environment.GetEnvironmentVariable("APIFORGE_FUZZ_REPORT");
        if (!string.IsNullOrEmpty(report)) File.WriteAllLines(report + ".nodes", new[] { summary }.Concat(failures));
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures.Take(30)));
    }

    /// <summary>count items spread evenly over the list (all of it when count is larger), so every document is sampled.</summary>
    private static List<T> Spread<T>(List<T> all, int count)
    {
        if (count >= all.Count) return all;
        var step = (double)all.Count / count;
        return Enumerable.Range(0, count).Select(i => all[(int)(i * step)]).ToList();
    }

    private static IEnumerable<Base> SeedDocuments()
    {
        var seed = Path.Combine(GeneratorHarness.SpecsDirectory, "tradovate-seed.yaml");
        var seedText = File.ReadAllText(seed);
        yield return new Base("tradovate-seed.yaml", seed, (JsonObject)ToTree(seed, seedText)!, "#", seedText);

        foreach (var file in Directory.GetFiles(Path.Combine(GeneratorHarness.SharedDirectory, "seeds")).Order(StringComparer.Ordinal))
        {
            // A seed is a documentation page; its OpenAPI document is the ```yaml block.
            var page = File.ReadAllText(file);
            var start = page.IndexOf("```yaml\n", StringComparison.Ordinal);
            if (start < 0) continue;
            start += "```yaml\n".Length;
            var end = page.IndexOf("\n```", start, StringComparison.Ordinal);
            var yaml = page.Substring(start, (end < 0 ? page.Length : end) - start) + "\n";
            var path = Path.Combine(GeneratorHarness.SharedDirectory, "seeds", Path.GetFileNameWithoutExtension(file) + ".yaml");
            if (ToTree(path, yaml) is JsonObject root) yield return new Base(Path.GetFileName(file), path, root, "#", yaml);
        }
    }

    /// <summary>The partner document cut into one small document per operation and per component schema.</summary>
    private static IEnumerable<Base> PartnerSlices()
    {
        var path = Path.Combine(GeneratorHarness.SpecsDirectory, "tradovate-partner.json");
        var partner = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        var slices = new List<(string Name, JsonObject Root, string Scope)>();
        foreach (var pathItem in partner["paths"]!.AsObject())
        {
            foreach (var operation in pathItem.Value!.AsObject())
            {
                if (operation.Value is not JsonObject) continue;
                var item = new JsonObject { [operation.Key] = operation.Value.DeepClone() };
                var root = Skeleton(partner, new JsonObject { [pathItem.Key] = item }, item);
                slices.Add(($"partner {operation.Key} {pathItem.Key}", root, $"#/paths/{Escape(pathItem.Key)}/{operation.Key}"));
            }
        }
        foreach (var schema in partner["components"]!["schemas"]!.AsObject())
        {
            var holder = new JsonObject { [schema.Key] = schema.Value!.DeepClone() };
            var root = Skeleton(partner, new JsonObject(), holder);
            slices.Add(($"partner schema {schema.Key}", root, "#/components/schemas/" + Escape(schema.Key)));
        }
        var directory = Path.GetDirectoryName(path)!;
        for (var i = 0; i < slices.Count; i++)
        {
            var text = slices[i].Root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            yield return new Base(slices[i].Name, Path.Combine(directory, $"partner-slice{i}.json"), slices[i].Root, slices[i].Scope, text);
        }
    }

    /// <summary>The partner's top level with the given paths and the component schemas <paramref name="content"/> reaches through $refs.</summary>
    private static JsonObject Skeleton(JsonObject partner, JsonObject paths, JsonObject content)
    {
        var schemas = partner["components"]!["schemas"]!.AsObject();
        var included = new JsonObject();
        var pending = new Stack<JsonNode>();
        pending.Push(content);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is JsonArray array)
            {
                foreach (var item in array) if (item is not null) pending.Push(item);
                continue;
            }
            if (node is not JsonObject obj) continue;
            foreach (var member in obj)
            {
                if (member.Key == "$ref" && member.Value is JsonValue value && value.TryGetValue<string>(out var target) &&
                    target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                {
                    var name = target.Substring("#/components/schemas/".Length).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                    if (!included.ContainsKey(name) && schemas[name] is { } schema)
                    {
                        included[name] = schema.DeepClone();
                        pending.Push(schema);
                    }
                }
                else if (member.Value is not null)
                {
                    pending.Push(member.Value);
                }
            }
        }
        // A schema slice holds its schema itself (it may not $ref itself).
        if (content.Parent is null && content.Count == 1 && paths.Count == 0)
        {
            var only = content.First();
            included.Remove(only.Key);
            included[only.Key] = only.Value!.DeepClone();
        }
        return new JsonObject
        {
            ["openapi"] = partner["openapi"]!.DeepClone(),
            ["info"] = partner["info"]!.DeepClone(),
            ["servers"] = partner["servers"]?.DeepClone(),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = included,
                ["securitySchemes"] = partner["components"]!["securitySchemes"]?.DeepClone(),
            },
        };
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static IEnumerable<LazyMutant> NodeMutants(Base document)
    {
        var nodes = new List<(JsonNode? Parent, string Key, JsonNode? Node, string Pointer)>();
        Collect(document.Root, nodes);
        var index = 0;
        foreach (var (_, _, node, pointer) in nodes.OrderBy(x => x.Pointer, StringComparer.Ordinal))
        {
            if (pointer == "#" || !(pointer + "/").StartsWith(document.Scope + "/", StringComparison.Ordinal)) continue;
            foreach (var replacement in new[] { "null", "a scalar", "an empty mapping" })
            {
                // Written as JSON; every other one is handed over as .yaml (JSON is YAML) to go through the YAML reader.
                var extension = index++ % 2 == 0 ? ".json" : ".yaml";
                var path = Path.ChangeExtension(document.Path, null) + "-mutant" + extension;
                var target = pointer;
                yield return new LazyMutant($"{document.Name}: {target} replaced by {replacement}", path, () =>
                {
                    var copy = document.Root.DeepClone();
                    var list = new List<(JsonNode? Parent, string Key, JsonNode? Node, string Pointer)>();
                    Collect(copy, list);
                    var (parent, key, current, _) = list.First(x => x.Pointer == target);
                    JsonNode? value = replacement switch
                    {
                        "null" => null,
                        "a scalar" => current is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonValue.Create(1) : JsonValue.Create("x"),
                        _ => new JsonObject(),
                    };
                    Set(parent!, key, value);
                    return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
                });
            }
        }
    }

    private static IEnumerable<LazyMutant> LineMutants(Base document)
    {
        // Mid-keystroke: one line cut after its key's colon (the value not typed yet) and in its middle, the rest intact.
        var lines = document.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var cuts = new SortedSet<int> { line.Length / 2 };
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && colon + 1 < line.Length) cuts.Add(colon + 1);
            foreach (var cut in cuts)
            {
                var lineNumber = i;
                var at = cut;
                yield return new LazyMutant($"{document.Name}: line {lineNumber + 1} cut at {at}", document.Path, () =>
                {
                    var copy = (string[])lines.Clone();
                    copy[lineNumber] = copy[lineNumber].Substring(0, at);
                    return string.Join("\n", copy);
                });
            }
        }
    }
}
