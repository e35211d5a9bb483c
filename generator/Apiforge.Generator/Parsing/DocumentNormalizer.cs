using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Apiforge.Generator.Diagnostics;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Repairs, before Microsoft.OpenApi reads the document, the mistakes in real documents that make the reader throw
/// instead of reporting: each repair is reported as a located warning, so one bad keyword does not cost the whole client.
/// </summary>
internal static class DocumentNormalizer
{
    private static readonly HashSet<string> s_booleanKeywords = new(StringComparer.Ordinal)
    {
        "nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems", "allowEmptyValue", "explode", "allowReserved",
    };

    private static readonly HashSet<string> s_typeNames = new(StringComparer.Ordinal)
    {
        "string", "integer", "number", "boolean", "object", "array",
    };

    public static void Normalize(JsonObject root, ParseContext context)
    {
        var pending = new Stack<(JsonNode Node, JsonPointerPath Pointer)>();
        pending.Push((root, JsonPointerPath.Root));
        while (pending.Count > 0)
        {
            var (node, pointer) = pending.Pop();
            if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray) pending.Push((array[i]!, pointer.Item(i)));
                }
                continue;
            }
            if (node is not JsonObject obj) continue;
            foreach (var pair in obj.ToList())
            {
                var key = pair.Key;
                // Examples and extensions are data, not schema: nothing in them is repaired.
                if (key is "example" or "examples" or "x-example" || key.StartsWith("x-", StringComparison.Ordinal)) continue;
                if (pair.Value is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    if (s_booleanKeywords.Contains(key))
                    {
                        var parsed = string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
                        obj[key] = JsonValue.Create(parsed);
                        Report(context, pointer.Key(key), $"'{key}' must be a boolean; the string '{text}' is read as {(parsed ? "true" : "false")}");
                    }
                    else if (key == "additionalProperties")
                    {
                        obj[key] = s_typeNames.Contains(text) ? new JsonObject { ["type"] = text } : JsonValue.Create(true);
                        Report(context, pointer.Key(key), s_typeNames.Contains(text)
                            ? $"'additionalProperties' must be a boolean or a schema; '{text}' is read as {{ type: {text} }}"
                            : $"'additionalProperties' must be a boolean or a schema; '{text}' is read as true");
                    }
                    continue;
                }
                if (pair.Value is JsonObject or JsonArray) pending.Push((pair.Value, pointer.Key(key)));
            }
        }
    }

    private static void Report(ParseContext context, JsonPointerPath pointer, string message)
        => context.Diagnostics.Report(DiagnosticDescriptors.ReaderError, context.Locator.Locate(pointer.ToString()), message);
}
