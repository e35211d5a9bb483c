using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Swagger 2.0 details Microsoft.OpenApi's conversion to 3.x loses or rejects, fixed on the document tree before it
/// is read. <c>collectionFormat: csv</c> (also the default) comes out as exploded <c>form</c>, the same as
/// <c>multi</c>; <c>tsv</c> makes the reader throw. Each array parameter with csv or tsv gets
/// <see cref="CollectionFormatExtension"/> naming it (tsv is read as csv), which the operation builder honours.
/// </summary>
internal static class Swagger2Fixups
{
    public const string CollectionFormatExtension = "x-apiforge-collection-format";

    /// <summary>Whether the <see cref="CollectionFormatExtension"/> value read back from the document is <c>tsv</c>.</summary>
    public static bool IsTabSeparated(Microsoft.OpenApi.IOpenApiExtension? extension)
        => extension is Microsoft.OpenApi.JsonNodeExtension { Node: JsonValue value } && value.TryGetValue<string>(out var format) && format == "tsv";

    public static void Apply(JsonObject root)
    {
        if (root["parameters"] is JsonObject shared)
        {
            foreach (var pair in shared) FixParameter(pair.Value as JsonObject);
        }
        if (root["paths"] is not JsonObject paths) return;
        foreach (var path in paths)
        {
            if (path.Value is not JsonObject item) continue;
            foreach (var member in item)
            {
                if (member.Key == "parameters")
                {
                    FixParameters(member.Value as JsonArray);
                }
                else if (member.Value is JsonObject operation)
                {
                    FixParameters(operation["parameters"] as JsonArray);
                    FixFileResponses(operation["responses"] as JsonObject);
                }
            }
        }
    }

    private static void FixParameters(JsonArray? parameters)
    {
        if (parameters is null) return;
        foreach (var parameter in parameters) FixParameter(parameter as JsonObject);
    }

    /// <summary>
    /// <c>type: file</c> (a response schema, a formData parameter or its items) is read by Microsoft.OpenApi as a
    /// plain string; it is a file: <c>type: string, format: binary</c>, which OpenAPI 3 spells the same way.
    /// </summary>
    private static void FixFileResponses(JsonObject? responses)
    {
        if (responses is null) return;
        foreach (var response in responses)
        {
            if (response.Value is JsonObject { } answer && answer["schema"] is JsonObject schema) FixFileType(schema);
        }
    }

    private static void FixFileType(JsonObject schema)
    {
        if (schema["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "file")
        {
            schema["type"] = "string";
            schema["format"] = "binary";
        }
        else if (schema["items"] is JsonObject items)
        {
            FixFileType(items);
        }
    }

    private static void FixParameter(JsonObject? parameter)
    {
        if (parameter is null || parameter.ContainsKey("$ref")) return;
        if (parameter["in"] is JsonValue at && at.TryGetValue<string>(out var place) && place == "formData") FixFileType(parameter);
        if (!(parameter["type"] is JsonValue type && type.TryGetValue<string>(out var typeName) && typeName == "array")) return;
        if (parameter["in"] is JsonValue location && location.TryGetValue<string>(out var where) && (where == "body" || where == "formData")) return;
        var format = parameter["collectionFormat"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "csv";
        if (format == "tsv")
        {
            parameter["collectionFormat"] = "csv";
        }
        if (format is "csv" or "tsv" && !parameter.ContainsKey(CollectionFormatExtension))
        {
            parameter[CollectionFormatExtension] = format;
        }
    }
}
