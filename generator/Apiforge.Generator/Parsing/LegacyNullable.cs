using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// OpenAPI 3.1 dropped 3.0's <c>nullable: true</c> for <c>type: [T, "null"]</c>, and Microsoft.OpenApi's 3.1 reader ignores
/// it; but real 3.1 documents (OpenAI's among them) still write it, and their servers send the nulls. Before the 3.1 reader
/// sees the document, each <c>nullable: true</c> is rewritten the way the 3.0 reader reads it: "null" joins the schema's type
/// (a schema with no type gets the one its keywords imply, or <c>type: "null"</c>, which the mapper reads as "nullable" beside allOf/anyOf/oneOf), and a
/// <c>$ref</c> it sits beside is moved into a single <c>allOf</c>, since a 3.1 reference keeps no siblings but its descriptions.
/// </summary>
internal static class LegacyNullable
{
    private const int CheckEvery = 4096;

    // Data, not schema: nothing in them is rewritten.
    private static readonly HashSet<string> s_dataKeywords = new(StringComparer.Ordinal)
    {
        "example", "examples", "default", "enum", "const",
    };

    public static void Rewrite(JsonObject root, CancellationToken cancellationToken)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        var visits = 0;
        while (pending.Count > 0)
        {
            if (++visits % CheckEvery == 0) cancellationToken.ThrowIfCancellationRequested();
            var node = pending.Pop();
            if (node is JsonArray array)
            {
                foreach (var item in array) if (item is not null) pending.Push(item);
                continue;
            }
            if (node is not JsonObject obj) continue;
            if (obj["nullable"] is JsonValue flag && flag.TryGetValue<bool>(out var nullable))
            {
                obj.Remove("nullable");
                if (nullable) AddNull(obj);
            }
            foreach (var pair in obj)
            {
                if (pair.Value is null || s_dataKeywords.Contains(pair.Key) || pair.Key.StartsWith("x-", StringComparison.Ordinal)) continue;
                pending.Push(pair.Value);
            }
        }
    }

    private static void AddNull(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && schema["allOf"] is null)
        {
            schema.Remove("$ref");
            schema["allOf"] = new JsonArray(new JsonObject { ["$ref"] = target });
        }
        switch (schema["type"])
        {
            case JsonValue single when single.TryGetValue<string>(out var name):
                if (name != "null") schema["type"] = new JsonArray(name, "null");
                break;
            case JsonArray types:
                if (!types.Any(t => t is JsonValue v && v.TryGetValue<string>(out var n) && n == "null")) types.Add("null");
                break;
            case null when schema["properties"] is not null || schema["additionalProperties"] is not null:
                schema["type"] = new JsonArray("object", "null");
                break;
            case null when schema["items"] is not null:
                schema["type"] = new JsonArray("array", "null");
                break;
            case null:
                schema["type"] = "null";
                break;
        }
    }
}
