using System;
using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>Several 2xx bodies: the statuses after the first whose JSON body has another type.</summary>
internal sealed partial class ClientBuilder
{
    private List<SuccessBodySpec> OtherSuccessBodies(List<KeyValuePair<string, IOpenApiResponse>> success, string firstStatus, TypeRef firstType,
        string operationName, string pointer)
    {
        var result = new List<SuccessBodySpec>();
        var seen = new HashSet<TypeRef> { firstType.WithNullable(false) };
        foreach (var pair in success)
        {
            // Exact codes only: a range (2XX) or default has no one status to tell it by.
            if (pair.Key == firstStatus || pair.Key.Length != 3 || !pair.Key.All(char.IsDigit)) continue;
            if (pair.Value?.Content is not { Count: > 0 } content) continue;
            var json = content.FirstOrDefault(m => IsJsonMediaType(m.Key) && m.Value?.Schema is not null);
            if (json.Key is null) continue;
            var schemaPointer = pointer + "/responses/" + pair.Key + "/content/" + EscapePointer(json.Key) + "/schema";
            var type = MapSchema(json.Value!.Schema, operationName + "Response" + pair.Key, schemaPointer, 0);
            if (!seen.Add(type.WithNullable(false))) continue;
            AddRoot(type);
            result.Add(new SuccessBodySpec(pair.Key, type, Text(pair.Value.Description)));
        }
        return result;
    }
}
