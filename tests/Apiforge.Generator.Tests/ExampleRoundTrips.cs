using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apiforge.Generator.Model;
using Apiforge.Generator.Options;
using Apiforge.Generator.Parsing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

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
                var json = example.ToJsonString();
                object? value;
                try
                {
                    value = JsonSerializer.Deserialize(json, type, options);
                }
                catch (JsonException ex)
                {
                    // Our readers check required properties and JSON kinds: what they reject breaks its own schema.
                    outcome.Invalid.Add($"{key}: {ex.Message}");
                    continue;
                }
                var back = JsonSerializer.Serialize(value, type, options);
                if (Equivalent(example, JsonNode.Parse(back))) roundTripped++;
                else outcome.Failures.Add($"{key}: {json}\n  came back as {back}");
            }
            return outcome with { Tried = tried, RoundTripped = roundTripped };
        }
        finally
        {
            context.Unload();
        }
    }

    private static List<(string Key, JsonNode Example)> ComponentExamples(string path, string text)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')));
        ReadResult read;
        try
        {
            read = OpenApiDocument.Load(stream, path.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml", settings);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new();
        }
        var list = new List<(string, JsonNode)>();
        if (read.Document?.Components?.Schemas is not { } schemas) return list;
        foreach (var pair in schemas.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
#pragma warning disable CS0618 // 3.0's single 'example' is only read through the obsolete property.
            var example = pair.Value.Example ?? pair.Value.Examples?.FirstOrDefault();
#pragma warning restore CS0618
            if (example is not null) list.Add((pair.Key, example));
        }

        // Request and response examples whose schema is a component.
        foreach (var pathItem in read.Document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in pathItem.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                var contents = new List<IDictionary<string, IOpenApiMediaType>?> { operation.Value.RequestBody?.Content };
                contents.AddRange((operation.Value.Responses ?? new OpenApiResponses()).Values.Select(r => r.Content));
                foreach (var content in contents)
                {
                    if (content is null) continue;
                    foreach (var media in content)
                    {
                        if (!media.Key.Contains("json", StringComparison.OrdinalIgnoreCase) ||
                            media.Value.Schema is not OpenApiSchemaReference { Reference.Id: { } id }) continue;
                        if (media.Value.Example is { } single) list.Add((id, single));
                        foreach (var named in media.Value.Examples ?? new Dictionary<string, IOpenApiExample>())
                        {
                            if (named.Value?.Value is { } value) list.Add((id, value));
                        }
                    }
                }
            }
        }
        return list;
    }

    /// <summary>Equal JSON values: numbers by value, date-times by instant, a null property the same as a missing one.</summary>
    internal static bool Equivalent(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        switch (expected)
        {
            case JsonObject e when actual is JsonObject a:
                var keys = e.Where(p => p.Value is not null).Select(p => p.Key).Concat(a.Where(p => p.Value is not null).Select(p => p.Key)).Distinct(StringComparer.Ordinal);
                return keys.All(k => Equivalent(e[k], a[k]));
            case JsonArray e when actual is JsonArray a:
                return e.Count == a.Count && e.Zip(a).All(pair => Equivalent(pair.First, pair.Second));
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
