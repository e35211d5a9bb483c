using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime;

/// <summary>
/// JSON the generated readers refused (a required property missing, a token of the wrong kind), with the JSON path of
/// the place: <c>$.accounts[2].ctaContact</c>.
/// </summary>
/// <remarks>
/// The path is collected while the exception travels out: each generated object reader, list and dictionary reader adds
/// its step in an exception filter, which runs before anything unwinds and never catches. Reading that succeeds pays nothing.
/// </remarks>
public sealed class ApiJsonReadException : JsonException
{
    private readonly string _reason;
    // Innermost step first: the filters run from the throw outwards.
    private readonly List<string> _steps = new();

    /// <summary>Creates the exception for <paramref name="reason"/> at the reader's current value.</summary>
    public ApiJsonReadException(string reason)
        : this(reason, null)
    {
    }

    internal ApiJsonReadException(string reason, string? propertyName)
        : base(reason)
    {
        _reason = reason ?? throw new ArgumentNullException(nameof(reason));
        if (propertyName is not null) _steps.Add(PropertyStep(propertyName));
    }

    /// <summary>The JSON path of the value that could not be read, from the root of the document.</summary>
    public string JsonPath
    {
        get
        {
            var builder = new StringBuilder(Path is { Length: > 0 } outer ? outer : "$");
            for (var i = _steps.Count - 1; i >= 0; i--) builder.Append(_steps[i]);
            return builder.ToString();
        }
    }

    /// <inheritdoc/>
    public override string Message => _reason + " (at " + JsonPath + ").";

    /// <summary>Adds the object property the failure happened in to the path. For exception filters: always false.</summary>
    /// <param name="name">The JSON property name.</param>
    /// <returns>False, so that the filter does not catch.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool InProperty(string? name)
    {
        if (name is not null) _steps.Add(PropertyStep(name));
        return false;
    }

    /// <summary>Adds the array index the failure happened at to the path. For exception filters: always false.</summary>
    /// <param name="index">The index in the array.</param>
    /// <returns>False, so that the filter does not catch.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool AtIndex(int index)
    {
        _steps.Add("[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        return false;
    }

    private static string PropertyStep(string name)
    {
        var plain = name.Length > 0 && !char.IsDigit(name[0]);
        foreach (var c in name)
        {
            if (!(c is '_' or '$' || (c < 128 && char.IsLetterOrDigit(c))))
            {
                plain = false;
                break;
            }
        }
        return plain ? "." + name : "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }
}
