using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime;

/// <summary>How one top-level property of a form body is written: the media type's <c>encoding</c> entry.</summary>
/// <param name="Name">The property name on the wire.</param>
/// <param name="Style">Its style.</param>
/// <param name="Explode">Whether arrays and objects are exploded.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public readonly record struct FormField(string Name, ParameterStyle Style, bool Explode);

/// <summary>
/// Serializes parameter values by <c>style</c> and <c>explode</c>. Arrays and objects arrive as JSON (written with the
/// generated metadata), so every generated type, map and list can be a parameter without reflection.
/// Pairs come back percent-encoded (RFC 3986 unreserved characters stay; deepObject brackets and the comma
/// delimiter of <c>form</c> stay as they are, as in the OpenAPI examples).
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiParameter
{
    /// <summary>Query, cookie or form-field pairs (escaped) of a JSON value: scalar, array or object.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Pairs(string name, JsonElement value, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new List<KeyValuePair<string, string>>();
        AddPairs(result, name, value, style, explode);
        return result;
    }

    /// <summary>Query, cookie or form-field pairs (escaped) of a list of simple values already formatted as text.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Pairs(string name, IEnumerable<string> values, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        var escapedName = Escape(name);
        var items = values.Select(v => Escape(v ?? "")).ToList();
        var result = new List<KeyValuePair<string, string>>();
        if (style == ParameterStyle.DeepObject)
        {
            for (var i = 0; i < items.Count; i++) result.Add(new(escapedName + "[" + Index(i) + "]", items[i]));
        }
        else if (explode)
        {
            foreach (var item in items) result.Add(new(escapedName, item));
        }
        else
        {
            result.Add(new(escapedName, string.Join(Delimiter(style), items)));
        }
        return result;
    }

    /// <summary>The fields of a form body (escaped pairs): each top-level property by its <c>encoding</c> entry.</summary>
    /// <remarks>
    /// Without an entry, arrays repeat the name (<c>form</c>, exploded, the OpenAPI default) and objects use
    /// <c>deepObject</c> (<c>a[b]=c</c>), which keeps nesting where <c>form</c> would lose the property name. Nulls are left out.
    /// </remarks>
    public static IEnumerable<KeyValuePair<string, string>> FormPairs(JsonElement body, IReadOnlyList<FormField>? fields)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (body.ValueKind != JsonValueKind.Object) return result;
        foreach (var property in body.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue;
            FormField? field = null;
            if (fields is not null)
            {
                foreach (var candidate in fields)
                {
                    if (candidate.Name == property.Name) field = candidate;
                }
            }
            var style = field?.Style ?? (property.Value.ValueKind == JsonValueKind.Object ? ParameterStyle.DeepObject : ParameterStyle.Form);
            var explode = field?.Explode ?? true;
            AddPairs(result, property.Name, property.Value, style, explode);
        }
        return result;
    }

    /// <summary>A path segment or header value of a JSON value; <paramref name="escape"/> percent-encodes (paths).</summary>
    public static string Text(string name, JsonElement value, ParameterStyle style, bool explode, bool escape)
    {
        ArgumentNullException.ThrowIfNull(name);
        Func<string, string> e = escape ? Escape : static s => s;
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                return JoinText(name, value.EnumerateArray().Select(i => e(ScalarText(i) ?? "")).ToList(), style, explode, escape);
            case JsonValueKind.Object:
                var props = value.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null)
                    .Select(p => (Key: e(p.Name), Value: e(ScalarText(p.Value) ?? ""))).ToList();
                var n = escape ? Escape(name) : name;
                return style switch
                {
                    ParameterStyle.Label => explode
                        ? "." + string.Join(".", props.Select(p => p.Key + "=" + p.Value))
                        : "." + string.Join(",", props.SelectMany(p => new[] { p.Key, p.Value })),
                    ParameterStyle.Matrix => explode
                        ? string.Concat(props.Select(p => ";" + p.Key + "=" + p.Value))
                        : ";" + n + "=" + string.Join(",", props.SelectMany(p => new[] { p.Key, p.Value })),
                    _ => explode
                        ? string.Join(",", props.Select(p => p.Key + "=" + p.Value))
                        : string.Join(",", props.SelectMany(p => new[] { p.Key, p.Value })),
                };
            default:
                return Text(name, ScalarText(value) ?? "", style, escape);
        }
    }

    /// <summary>A path segment or header value of a list of simple values already formatted as text.</summary>
    public static string Text(string name, IEnumerable<string> values, ParameterStyle style, bool explode, bool escape)
    {
        ArgumentNullException.ThrowIfNull(values);
        return JoinText(name, values.Select(v => escape ? Escape(v ?? "") : v ?? "").ToList(), style, explode, escape);
    }

    /// <summary>A path segment or header value of one simple value already formatted as text.</summary>
    public static string Text(string name, string value, ParameterStyle style, bool escape)
    {
        ArgumentNullException.ThrowIfNull(name);
        var v = escape ? Escape(value ?? "") : value ?? "";
        return style switch
        {
            ParameterStyle.Label => "." + v,
            ParameterStyle.Matrix => ";" + (escape ? Escape(name) : name) + "=" + v,
            _ => v,
        };
    }

    /// <summary>Percent-encodes everything but RFC 3986's unreserved characters.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value ?? "");

    private static string JoinText(string name, List<string> items, ParameterStyle style, bool explode, bool escape)
    {
        var n = escape ? Escape(name) : name;
        return style switch
        {
            ParameterStyle.Label => "." + string.Join(explode ? "." : ",", items),
            ParameterStyle.Matrix => explode ? string.Concat(items.Select(i => ";" + n + "=" + i)) : ";" + n + "=" + string.Join(",", items),
            _ => string.Join(",", items),
        };
    }

    private static void AddPairs(List<KeyValuePair<string, string>> result, string name, JsonElement value, ParameterStyle style, bool explode)
    {
        if (style == ParameterStyle.DeepObject)
        {
            AddDeep(result, Escape(name), value);
            return;
        }
        var escapedName = Escape(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return;
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(i => Escape(ScalarText(i) ?? "")).ToList();
                if (explode)
                {
                    foreach (var item in items) result.Add(new(escapedName, item));
                }
                else
                {
                    result.Add(new(escapedName, string.Join(Delimiter(style), items)));
                }
                return;
            case JsonValueKind.Object:
                var props = value.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToList();
                if (explode && style == ParameterStyle.Form)
                {
                    foreach (var p in props) result.Add(new(Escape(p.Name), Escape(ScalarText(p.Value) ?? "")));
                }
                else
                {
                    result.Add(new(escapedName, string.Join(Delimiter(style),
                        props.SelectMany(p => new[] { Escape(p.Name), Escape(ScalarText(p.Value) ?? "") }))));
                }
                return;
            default:
                result.Add(new(escapedName, Escape(ScalarText(value) ?? "")));
                return;
        }
    }

    private static void AddDeep(List<KeyValuePair<string, string>> result, string escapedName, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    AddDeep(result, escapedName + "[" + Index(i++) + "]", item);
                }
                return;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    AddDeep(result, escapedName + "[" + Escape(property.Name) + "]", property.Value);
                }
                return;
            default:
                result.Add(new(escapedName, Escape(ScalarText(value) ?? "")));
                return;
        }
    }

    private static string Delimiter(ParameterStyle style) => style switch
    {
        ParameterStyle.SpaceDelimited => "%20",
        ParameterStyle.PipeDelimited => "%7C",
        ParameterStyle.TabDelimited => "%09",
        _ => ",",
    };

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text of a scalar: a string's value, a number's digits, <c>true</c>/<c>false</c>; JSON text for anything else; null for null.</summary>
    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>Joins escaped pairs as <c>a=1&amp;b=2</c>.</summary>
    public static string Join(IEnumerable<KeyValuePair<string, string>> escapedPairs)
    {
        ArgumentNullException.ThrowIfNull(escapedPairs);
        var builder = new StringBuilder();
        foreach (var pair in escapedPairs)
        {
            if (builder.Length > 0) builder.Append('&');
            builder.Append(pair.Key).Append('=').Append(pair.Value);
        }
        return builder.ToString();
    }
}
