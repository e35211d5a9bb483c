using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Apiforge.Generator.Diagnostics;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Takes out, before Microsoft.OpenApi reads the document, the values an editor leaves behind mid-keystroke that the
/// reader turns into null objects (<c>application/json:</c> with no value yet, <c>"responses": {"200": 1}</c>,
/// <c>allOf: [null]</c>): a null where a value belongs, a scalar or list where a mapping belongs. Each is left out
/// with a located AF0003, so the model the builder sees never holds a null where it expects an object.
/// </summary>
internal static class DocumentShapes
{
    private const int CheckEvery = 1024;

    /// <summary>Keywords whose value is data: null is a legitimate value there, and nothing inside is looked at.</summary>
    private static readonly HashSet<string> s_dataKeywords = new(StringComparer.Ordinal)
    {
        "default", "const", "enum", "example", "examples", "x-example", "value",
        // Maps of names to strings or lists, not looked into either.
        "mapping", "scopes",
    };

    /// <summary>Keywords whose value is one object.</summary>
    private static readonly HashSet<string> s_objectKeywords = new(StringComparer.Ordinal)
    {
        "info", "components", "requestBody", "discriminator", "externalDocs", "xml", "contact", "license", "server",
        "get", "put", "post", "delete", "options", "head", "patch", "trace", "query",
    };

    /// <summary>Keywords whose value is a schema: an object, or (OpenAPI 3.1) a boolean.</summary>
    private static readonly HashSet<string> s_schemaKeywords = new(StringComparer.Ordinal)
    {
        "schema", "items", "not", "additionalProperties", "additionalItems", "contains", "propertyNames", "if", "then", "else",
        "unevaluatedProperties", "unevaluatedItems", "contentSchema",
    };

    /// <summary>Keywords whose value maps names to objects (or, for schemas, booleans); <c>parameters</c> may also be a list.</summary>
    private static readonly Dictionary<string, bool> s_nameMaps = new(StringComparer.Ordinal)
    {
        // keyword → whether a value may be a boolean (a 3.1 boolean schema)
        ["paths"] = false, ["webhooks"] = false, ["content"] = false, ["encoding"] = false, ["responses"] = false,
        ["headers"] = false, ["links"] = false, ["callbacks"] = false, ["securitySchemes"] = false, ["requestBodies"] = false,
        ["pathItems"] = false, ["parameters"] = false, ["securityDefinitions"] = false, ["variables"] = false,
        ["schemas"] = true, ["definitions"] = true, ["properties"] = true, ["patternProperties"] = true, ["$defs"] = true,
        ["dependentSchemas"] = true,
    };

    /// <summary>Keywords whose value is a list of objects (schemas may be booleans); null items are left out.</summary>
    private static readonly HashSet<string> s_objectLists = new(StringComparer.Ordinal)
    {
        "allOf", "anyOf", "oneOf", "prefixItems", "parameters", "servers", "tags", "security",
    };

    private readonly record struct Visit(JsonObject Node, JsonPointerPath Pointer, string? NameMapKeyword);

    public static void Repair(JsonObject root, ParseContext context)
    {
        var cancellationToken = context.CancellationToken;
        var pending = new Stack<Visit>();
        pending.Push(new Visit(root, JsonPointerPath.Root, null));
        var visits = 0;
        while (pending.Count > 0)
        {
            if (++visits % CheckEvery == 0) cancellationToken.ThrowIfCancellationRequested();
            var (obj, pointer, nameMapKeyword) = pending.Pop();
            foreach (var pair in obj.ToList())
            {
                var key = pair.Key;
                var value = NullIfNull(pair.Value);
                if (key.StartsWith("x-", StringComparison.Ordinal)) continue;
                if (nameMapKeyword is not null)
                {
                    // A member of a map of names: its value is an object (a schema may be a boolean; a path's $ref a string).
                    var booleanAllowed = s_nameMaps[nameMapKeyword];
                    // Links are not generated, and hold runtime expressions of any type: not looked into.
                    if (value is JsonObject member) { if (nameMapKeyword != "links") pending.Push(new Visit(member, pointer.Key(key), null)); }
                    else if (!(booleanAllowed && IsBoolean(value)) && !(key == "$ref" && value is JsonValue))
                        Remove(obj, key, pointer.Key(key), value, "must be a mapping", context);
                    continue;
                }
                if (s_dataKeywords.Contains(key)) continue;
                switch (value)
                {
                    case null:
                        Remove(obj, key, pointer.Key(key), value, "has no value", context);
                        break;
                    case JsonObject child when s_nameMaps.ContainsKey(key):
                        pending.Push(new Visit(child, pointer.Key(key), key));
                        break;
                    case JsonObject child:
                        pending.Push(new Visit(child, pointer.Key(key), null));
                        break;
                    case JsonArray list:
                        if (s_objectLists.Contains(key)) RepairList(list, key, pointer.Key(key), pending, context);
                        else if (s_objectKeywords.Contains(key) || s_schemaKeywords.Contains(key) || s_nameMaps.ContainsKey(key) && key != "parameters")
                            Remove(obj, key, pointer.Key(key), value, "must be a mapping", context);
                        break;
                    default:
                        // Swagger 2.0's discriminator is the property's name, a string.
                        if (key == "discriminator" && value is JsonValue name && name.TryGetValue<string>(out _)) break;
                        if (s_objectKeywords.Contains(key) || s_nameMaps.ContainsKey(key) || s_objectLists.Contains(key) && key != "tags")
                            Remove(obj, key, pointer.Key(key), value, s_objectLists.Contains(key) ? "must be a list" : "must be a mapping", context);
                        else if (s_schemaKeywords.Contains(key) && !IsBoolean(value))
                            Remove(obj, key, pointer.Key(key), value, "must be a schema", context);
                        break;
                }
            }
        }
    }

    private static void RepairList(JsonArray list, string key, JsonPointerPath pointer, Stack<Visit> pending, ParseContext context)
    {
        var schemas = key is "allOf" or "anyOf" or "oneOf" or "prefixItems";
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var item = NullIfNull(list[i]);
            if (item is JsonObject obj)
            {
                // A security requirement maps scheme names to scope lists: nothing in it is a keyword.
                if (key != "security") pending.Push(new Visit(obj, pointer.Item(i), null));
            }
            else if (!(schemas && IsBoolean(item)) && !(key == "tags" && item is JsonValue))
            {
                var itemPointer = pointer.Item(i).ToString();
                context.Diagnostics.Report(DiagnosticDescriptors.ReaderError, context.Locator.Locate(itemPointer),
                    $"item {i.ToString(CultureInfo.InvariantCulture)} of '{key}' {(item is null ? "has no value" : "must be a mapping")}; it is left out (at {itemPointer})");
                list.RemoveAt(i);
            }
        }
    }

    /// <summary>YAML's null (<c>key:</c>, <c>~</c>) is Microsoft.OpenApi's null sentinel; JSON's is a null node.</summary>
    private static JsonNode? NullIfNull(JsonNode? value)
        => value is JsonValue v && (v.GetValueKind() == System.Text.Json.JsonValueKind.Null || Microsoft.OpenApi.JsonNullSentinel.IsJsonNullSentinel(v)) ? null : value;

    private static bool IsBoolean(JsonNode? value)
        => value is JsonValue v && v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False;

    private static void Remove(JsonObject obj, string key, JsonPointerPath path, JsonNode? value, string problem, ParseContext context)
    {
        var pointer = path.ToString();
        if (value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length == 0) value = null;
        if (value is null) problem = "has no value";
        var found = value switch
        {
            null => "",
            JsonArray => " (it is a list)",
            JsonObject => "",
            _ => $" (it is {value.GetValueKind().ToString().ToLowerInvariant()})",
        };
        context.Diagnostics.Report(DiagnosticDescriptors.ReaderError, context.Locator.Locate(pointer),
            $"'{key}' {problem}{found}; it is left out (at {pointer})");
        obj.Remove(key);
    }
}
