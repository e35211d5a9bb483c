using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime;

/// <summary>
/// The wire values of one generated string enum, in the order of its <c>Known</c> members, and the reading and lookup
/// every such enum shares. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiEnumValues
{
    // Up to this many values a read compares the raw UTF-8 text with each and hands back the listed string, so a
    // listed value allocates nothing; beyond it one hash lookup beats the comparisons.
    private const int CompareLimit = 16;

    private readonly string _typeName;
    private readonly string[] _values;
    private readonly byte[][]? _utf8;
    private readonly Dictionary<string, int> _indexes;

    /// <summary>The values of an enum. Used by generated code.</summary>
    /// <param name="typeName">The enum's name, for the error a non-string token raises.</param>
    /// <param name="values">The wire values, in the order of the enum's <c>Known</c> members.</param>
    public ApiEnumValues(string typeName, params string[] values)
    {
        _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _values = values ?? throw new ArgumentNullException(nameof(values));
        _indexes = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            // The first of two equal values wins, as the first case label would.
            if (!_indexes.ContainsKey(values[i])) _indexes.Add(values[i], i);
        }
        if (values.Length <= CompareLimit)
        {
            _utf8 = new byte[values.Length][];
            for (var i = 0; i < values.Length; i++) _utf8[i] = Encoding.UTF8.GetBytes(values[i]);
        }
    }

    /// <summary>The position of a wire value among the listed ones (its <c>Known</c> member); null when it is not listed.</summary>
    /// <param name="value">The wire value; null stands for the empty string (a default enum value).</param>
    /// <returns>The position, or null.</returns>
    public int? Find(string? value) => _indexes.TryGetValue(value ?? "", out var index) ? index : null;

    /// <summary>Reads a JSON string: a listed value as the listed string instance, any other as it came.</summary>
    /// <param name="reader">The reader, at the string.</param>
    /// <returns>The wire value.</returns>
    /// <exception cref="JsonException">The token is not a string.</exception>
    public string Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) ApiJson.ThrowUnexpectedToken(ref reader, _typeName);
        if (_utf8 is not null)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (reader.ValueTextEquals(_utf8[i])) return _values[i];
            }
        }
        // A value the description does not list is kept as it came.
        return reader.GetString()!;
    }

    /// <summary>Reads a JSON integer as the value of a generated integer enum, listed or not.</summary>
    /// <param name="reader">The reader, at the number.</param>
    /// <param name="typeName">The enum's name, for the error a non-number token raises.</param>
    /// <returns>The number.</returns>
    /// <exception cref="JsonException">The token is not a number.</exception>
    /// <exception cref="FormatException">The number is not a 64-bit integer.</exception>
    public static long ReadInteger(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.Number) ApiJson.ThrowUnexpectedToken(ref reader, typeName);
        return reader.GetInt64();
    }
}
