using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apiforge.Generator.Model;
using Apiforge.Generator.Options;
using Apiforge.Generator.Parsing;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Loads the compiled output of a document and runs each component schema's <c>example</c> through the generated
/// JSON metadata: read into the generated type, written back, compared as JSON values.
/// </summary>
internal static class ExampleRoundTrips
{
    public sealed record Outcome(int Tried, int RoundTripped, List<string> Invalid, List<string> Failures);

    public static Outcome Run(string path, string text, GenerationResult result)
    {
        var outcome = new Outcome(0, 0, new List<string>(), new List<string>());
        var examples = ComponentExamples(path, text);
        if (examples.Count == 0) return outcome;

        var parsed = DocumentParser.Parse(new SpecInput(path, text, new SpecOptions("Acme", null, null, "Consumer")), CancellationToken.None);
        if (parsed.Client is not { } client) return outcome;
        var typeByPointer = client.Types.ToDictionary(t => t.JsonPointer, t => t, StringComparer.Ordinal);
        // readOnly is response-only: read, never written, so a response example comes back without those properties.
        var readOnlyNames = client.Types.SelectMany(t => t.Properties).Where(p => p.ReadOnly).Select(p => p.JsonName).ToHashSet(StringComparer.Ordinal);

        using var image = new MemoryStream();
        var emit = result.Output.Emit(image);
        Assert.True(emit.Success, "the generated code must emit");
        var context = new AssemblyLoadContext("examples", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var options = (JsonSerializerOptions)assembly.GetType($"{client.Namespace}.{client.ContextName}")!
                .GetProperty("Options", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var tried = 0;
            var roundTripped = 0;
            foreach (var (key, example) in examples)
            {
                if (!typeByPointer.TryGetValue("#/components/schemas/" + ClientBuilder.EscapePointer(key), out var spec)) continue;
                var type = assembly.GetType($"{client.Namespace}.{spec.Name}");
                if (type is null) continue;
                tried++;
                var json = WithoutNullSentinels(example)?.ToJsonString() ?? "null";
                object? value;
                try
                {
                    value = JsonSerializer.Deserialize(json, type, options);
                }
                catch (JsonException ex)
                {
                    // Our readers check required properties and JSON kinds: what they reject breaks its own schema.
                    outcome.Invalid.Add($"{key}: {ex.Message}{(ex.InnerException is { } inner ? " (" + inner.Message + ")" : "")}");
                    continue;
                }
                var back = JsonSerializer.Serialize(value, type, options);
                if (Equivalent(WithoutNullSentinels(example), JsonNode.Parse(back), readOnlyNames)) roundTripped++;
                else outcome.Failures.Add($"{key}: {json}\n  came back as {back}");
            }
            return outcome with { Tried = tried, RoundTripped = roundTripped };
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Schema examples of components, and request/response examples whose schema is a component, read with the
    /// generator's own loader (Microsoft.OpenApi's YAML conversion turns an empty value into "" instead of null).
    /// </summary>
    private static List<(string Key, JsonNode Example)> ComponentExamples(string path, string text)
    {
        var isJson = path.EndsWith(".json", StringComparison.Ordinal);
        var body = text.TrimStart('\uFEFF');
        var locator = new Apiforge.Generator.Diagnostics.SpecLocator(path, text, isJson);
        var loader = new DocumentLoader(new ParseContext(path, locator, SpecLimits.Default, new Apiforge.Generator.Diagnostics.DiagnosticCollector(), CancellationToken.None));
        if ((isJson ? loader.LoadJson(body) : loader.LoadYaml(body, text.Length - body.Length)) is not JsonObject root) return new();
        loader.Sanitize(root);

        var list = new List<(string, JsonNode)>();
        var schemas = (root["components"]?["schemas"] ?? root["definitions"]) as JsonObject;
        foreach (var pair in (schemas ?? new JsonObject()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pair.Value is not JsonObject schema) continue;
            var example = schema["example"] ?? (schema["examples"] as JsonArray)?.FirstOrDefault();
            if (example is not null) list.Add((pair.Key, example));
        }

        JsonNode? Resolve(JsonNode? node)
        {
            for (var hops = 0; hops < 8 && node is JsonObject o && o["$ref"] is JsonValue r && r.TryGetValue<string>(out var target) && target.StartsWith("#/", StringComparison.Ordinal); hops++)
            {
                node = root;
                foreach (var segment in target.Substring(2).Split('/')) node = node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
            return node;
        }

        foreach (var pathItem in (root["paths"] as JsonObject ?? new JsonObject()))
        {
            foreach (var operation in (pathItem.Value as JsonObject ?? new JsonObject()))
            {
                if (operation.Value is not JsonObject op) continue;
                var contents = new List<JsonObject?> { Resolve(op["requestBody"])?["content"] as JsonObject };
                foreach (var response in (op["responses"] as JsonObject ?? new JsonObject())) contents.Add(Resolve(response.Value)?["content"] as JsonObject);
                foreach (var content in contents)
                {
                    foreach (var media in content ?? new JsonObject())
                    {
                        if (!media.Key.Contains("json", StringComparison.OrdinalIgnoreCase) || media.Value is not JsonObject m) continue;
                        if (m["schema"]?["$ref"] is not JsonValue schemaRef || !schemaRef.TryGetValue<string>(out var target) ||
                            !target.StartsWith("#/components/schemas/", StringComparison.Ordinal)) continue;
                        var id = target.Substring("#/components/schemas/".Length).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                        if (m["example"] is { } single) list.Add((id, single));
                        foreach (var named in (m["examples"] as JsonObject ?? new JsonObject()))
                        {
                            if (Resolve(named.Value)?["value"] is { } value) list.Add((id, value));
                        }
                    }
                }
            }
        }
        return list;
    }

    /// <summary>The loader marks an explicit YAML/JSON null with Microsoft.OpenApi's sentinel; examples need real nulls.</summary>
    private static JsonNode? WithoutNullSentinels(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when Microsoft.OpenApi.JsonNullSentinel.IsJsonNullSentinel(v) => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, WithoutNullSentinels(p.Value)))),
        JsonArray a => new JsonArray(a.Select(WithoutNullSentinels).ToArray()),
        _ => node.DeepClone(),
    };

    /// <summary>
    /// Equal JSON values: numbers by value, date-times by instant, a null property the same as a missing one, and a
    /// property named like a readOnly one (of any type: the walk does not know the types) may be missing from <paramref name="actual"/>.
    /// </summary>
    internal static bool Equivalent(JsonNode? expected, JsonNode? actual, IReadOnlySet<string> readOnlyNames)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        switch (expected)
        {
            case JsonObject e when actual is JsonObject a:
                var keys = e.Where(p => p.Value is not null).Select(p => p.Key).Concat(a.Where(p => p.Value is not null).Select(p => p.Key)).Distinct(StringComparer.Ordinal);
                return keys.All(k => a[k] is null && e[k] is not null && readOnlyNames.Contains(k) || Equivalent(e[k], a[k], readOnlyNames));
            case JsonArray e when actual is JsonArray a:
                return e.Count == a.Count && e.Zip(a).All(pair => Equivalent(pair.First, pair.Second, readOnlyNames));
            case JsonValue e when actual is JsonValue a:
                if (e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number)
                {
                    return double.Parse(e.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(a.ToJsonString(), CultureInfo.InvariantCulture);
                }
                if (e.GetValueKind() == JsonValueKind.String && a.GetValueKind() == JsonValueKind.String)
                {
                    var left = e.GetValue<string>();
                    var right = a.GetValue<string>();
                    if (left == right) return true;
                    return DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var l) &&
                           DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var r) && l == r;
                }
                return JsonNode.DeepEquals(e, a);
            default:
                return false;
        }
    }
}
