using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime;

/// <summary>
/// JSON the generated readers refused (a required property missing, a token of the wrong kind), with the JSON path of
/// the place: <c>$.accounts[2].ctaContact</c>.
/// </summary>
public sealed class ApiJsonReadException : JsonException
{
    private readonly string _reason;
    private readonly long _offset;
    private readonly string? _missingProperty;
    private string? _relativePath;

    /// <summary>Creates the exception for <paramref name="reason"/>, with no place in the JSON.</summary>
    public ApiJsonReadException(string reason)
        : this(reason, -1, null)
    {
    }

    /// <param name="reason">What is wrong.</param>
    /// <param name="offset">Where the token that showed it starts (the end of the object, for a missing property); -1 for nowhere.</param>
    /// <param name="missingProperty">The required property the object at <paramref name="offset"/> lacks.</param>
    internal ApiJsonReadException(string reason, long offset, string? missingProperty)
        : base(reason)
    {
        _reason = reason ?? throw new ArgumentNullException(nameof(reason));
        _offset = offset;
        _missingProperty = missingProperty;
    }

    /// <summary>The JSON path of the value that could not be read (<c>$.accounts[2].ctaContact</c>); null when it is not known.</summary>
    public string? JsonPath => _relativePath is null ? null : (Path is { Length: > 0 } outer ? outer : "$") + _relativePath;

    /// <inheritdoc/>
    public override string Message => JsonPath is { } path ? _reason + " (at " + path + ")." : _reason + ".";

    internal bool IsLocated => _relativePath is not null || _offset < 0;

    /// <summary>Reads the value again from <paramref name="start"/> up to the failing token, keeping the path to it.</summary>
    internal void Locate(Utf8JsonReader start)
    {
        try
        {
            _relativePath = FindPath(ref start);
        }
        catch (JsonException)
        {
            // The value was read up to the failure once already; should it not read again, the message has no path.
        }
        catch (InvalidOperationException)
        {
        }
    }

    private string? FindPath(ref Utf8JsonReader reader)
    {
        // One entry per open container: the current index of an array, the current property of an object.
        var steps = new List<(bool IsArray, int Index, string? Property)>();
        do
        {
            var token = reader.TokenType;
            if (token == JsonTokenType.PropertyName)
            {
                steps[steps.Count - 1] = (false, 0, reader.GetString());
                continue;
            }
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                if (reader.TokenStartIndex == _offset)
                {
                    // The end of the object that lacks a required property: the path of that object, plus the property.
                    steps.RemoveAt(steps.Count - 1);
                    return Render(steps) + (_missingProperty is null ? "" : PropertyStep(_missingProperty));
                }
                steps.RemoveAt(steps.Count - 1);
                continue;
            }
            if (steps.Count > 0 && steps[steps.Count - 1].IsArray)
            {
                var top = steps[steps.Count - 1];
                steps[steps.Count - 1] = (true, top.Index + 1, null);
            }
            if (reader.TokenStartIndex == _offset) return Render(steps);
            if (token == JsonTokenType.StartObject) steps.Add((false, 0, null));
            else if (token == JsonTokenType.StartArray) steps.Add((true, -1, null));
        }
        while (reader.TokenStartIndex < _offset && reader.Read());
        return null;
    }

    private static string Render(List<(bool IsArray, int Index, string? Property)> steps)
    {
        var builder = new StringBuilder();
        foreach (var step in steps)
        {
            if (step.IsArray) builder.Append('[').Append(step.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else if (step.Property is not null) builder.Append(PropertyStep(step.Property));
        }
        return builder.ToString();
    }

    private static string PropertyStep(string name)
    {
        var plain = name.Length > 0 && !(name[0] is >= '0' and <= '9');
        foreach (var c in name)
        {
            if (!(c is '_' or '$' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                plain = false;
                break;
            }
        }
        return plain ? "." + name : "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }
}
