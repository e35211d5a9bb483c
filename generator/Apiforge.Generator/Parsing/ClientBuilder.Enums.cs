using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>Enums: <c>enum</c> lists and oneOf/anyOf of <c>const</c>s become extensible string enums or integer enums.</summary>
internal sealed partial class ClientBuilder
{
    /// <summary>
    /// An enum: <c>enum</c> of strings (a string enum, numbers written as text when the type is string) or of integers,
    /// or a oneOf/anyOf whose alternatives are all <c>const</c> (3.1 style, each with its own description).
    /// </summary>
    private static bool TryGetEnum(IOpenApiSchema schema, out bool integer, out List<(string Wire, long Number, string? Description)> values)
    {
        integer = false;
        values = new List<(string, long, string?)>();
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (schema.Enum is { Count: > 0 } list)
        {
            // An explicit null reaches here as Microsoft.OpenApi's null sentinel (a string): it is no member.
            var nonNull = list.Where(v => v is JsonValue && !JsonNullSentinel.IsJsonNullSentinel(v)).Cast<JsonValue>().ToList();
            if (nonNull.Count == 0) return false;
            if (type == JsonSchemaType.Integer || (type == 0 && nonNull.All(v => v.GetValueKind() == System.Text.Json.JsonValueKind.Number)))
            {
                foreach (var v in nonNull)
                {
                    if (!long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return false;
                    values.Add((number.ToString(CultureInfo.InvariantCulture), number, null));
                }
                integer = true;
                return true;
            }
            if (type == JsonSchemaType.String || (type == 0 && nonNull.All(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String)))
            {
                foreach (var v in nonNull)
                {
                    values.Add((v.TryGetValue<string>(out var s) ? s : v.ToJsonString(), 0, null));
                }
                return true;
            }
            return false;
        }

        if (schema.Properties is { Count: > 0 }) return false;
        var alternatives = NonNullAlternatives(schema, out _);
        if (alternatives is not { Count: > 0 } || alternatives.Any(a => a.Schema is OpenApiSchemaReference || a.Schema.Const is null))
        {
            return false;
        }
        var types = alternatives.Select(a => (a.Schema.Type ?? type) & ~JsonSchemaType.Null).Distinct().ToList();
        if (types.Count != 1) return false;
        integer = types[0] == JsonSchemaType.Integer;
        if (!integer && types[0] != JsonSchemaType.String) return false;
        foreach (var (alternative, _) in alternatives)
        {
            var description = Describe(alternative);
            if (integer)
            {
                if (!long.TryParse(alternative.Const, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return false;
                values.Add((number.ToString(CultureInfo.InvariantCulture), number, description));
            }
            else
            {
                values.Add((alternative.Const!, 0, description));
            }
        }
        return true;
    }

    private EquatableArray<EnumMemberSpec> EnumMembers(string name, IOpenApiSchema schema, bool integer, List<(string Wire, long Number, string? Description)> values)
    {
        var members = new List<EnumMemberSpec>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        if (!integer)
        {
            foreach (var reserved in GeneratedNames.ValueTypeMembers) memberNames.Add(reserved);
        }
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        var varNames = ExtensionStrings(schema, "x-enum-varnames");
        var descriptions = ExtensionStrings(schema, "x-enum-descriptions");
        for (var index = 0; index < values.Count; index++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (wire, number, description) = values[index];
            if (!seenValues.Add(wire)) continue;
            var preferred = varNames is not null && index < varNames.Count && varNames[index].Length > 0 ? varNames[index] : null;
            var baseName = integer
                ? Names.Pascal(preferred, "Value" + (number < 0 ? "Minus" + (-number).ToString(CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture)))
                : Names.Pascal(preferred ?? WordsOf(wire), wire.Length == 0 ? "Empty" : "Value");
            description ??= descriptions is not null && index < descriptions.Count && descriptions[index].Length > 0 ? descriptions[index] : null;
            members.Add(new EnumMemberSpec(Names.Unique(baseName, memberNames), wire, integer ? number : members.Count, description));
        }
        return members.ToEquatableArray();
    }

    /// <summary>Symbols that carry meaning in enum values get a word, so "+1" and "-1" do not both become "1".</summary>
    private static string WordsOf(string wire)
    {
        if (wire.Length == 0 || wire.Any(char.IsLetterOrDigit) && wire[0] is not ('+' or '-')) return wire;
        var text = new System.Text.StringBuilder();
        foreach (var c in wire)
        {
            text.Append(c switch
            {
                '+' => " Plus ",
                '-' => " Minus ",
                '*' => " Star ",
                '<' => " Less ",
                '>' => " Greater ",
                '=' => " Equals ",
                '$' => " Dollar ",
                '.' => " Dot ",
                '/' => " Slash ",
                '@' => " At ",
                '#' => " Hash ",
                '%' => " Percent ",
                '&' => " And ",
                '!' => " Not ",
                '?' => " Question ",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }
}
