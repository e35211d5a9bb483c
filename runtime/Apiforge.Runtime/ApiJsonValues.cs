using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Apiforge.Runtime;

/// <summary>JSON helpers for generated code: time formats and discriminators.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiJsonValues
{
    /// <summary>
    /// The value of the discriminator property of the object at the reader's <c>StartObject</c>, read from a copy of
    /// the reader (the caller's position does not move); null when the object has no such property.
    /// </summary>
    public static string? PeekDiscriminator(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return null;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) return null;
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            var match = reader.ValueTextEquals(propertyName);
            reader.Read();
            if (match)
            {
                return reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
            }
            reader.Skip();
        }
        return null;
    }

    private static readonly string[] Rfc3339Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"];

    /// <summary>
    /// Reads an RFC 3339 date-time. RFC 3339 (section 5.6) lets the <c>T</c> and <c>Z</c> be lower case, which
    /// <see cref="Utf8JsonReader.GetDateTimeOffset"/> refuses; only those two letters are relaxed, not the format.
    /// </summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDateTimeOffset(out var value)) return value;
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is { Length: > 10 } && (text[10] == 't' || text.EndsWith("z", StringComparison.Ordinal))
            && DateTimeOffset.TryParseExact(text.Replace('t', 'T').Replace('z', 'Z'), Rfc3339Formats, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out value))
        {
            return value;
        }
        throw new JsonException($"Expected an RFC 3339 date-time, found {(text is null ? reader.TokenType.ToString() : "\"" + text + "\"")}.");
    }

    /// <summary>Writes an RFC 3339 date-time, with <c>Z</c> for UTC as most APIs send it.</summary>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value)
    {
        if (value.Offset == TimeSpan.Zero) writer.WriteStringValue(value.UtcDateTime);
        else writer.WriteStringValue(value);
    }

#if NET
    /// <summary>Reads an RFC 3339 <c>time</c> (<c>HH:mm:ss[.fraction]</c>); an offset after it is ignored.</summary>
    public static TimeOnly ReadTimeOnly(ref Utf8JsonReader reader)
    {
        var text = reader.GetString() ?? throw new JsonException("Expected a time, found null.");
        var end = text.Length;
        for (var i = 8; i < text.Length; i++)
        {
            if (text[i] is 'Z' or 'z' or '+' or '-')
            {
                end = i;
                break;
            }
        }
        if (TimeOnly.TryParse(text.AsSpan(0, end), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        throw new JsonException($"'{text}' is not a time of day.");
    }

    /// <summary>Writes a <c>time</c> as <c>HH:mm:ss[.fraction]</c>.</summary>
    public static void WriteTimeOnly(Utf8JsonWriter writer, TimeOnly value)
        => writer.WriteStringValue(FormatTimeOnly(value));

#endif

    /// <summary>Reads a <c>duration</c>: ISO 8601 (<c>P1DT2H</c>), or .NET's <c>d.hh:mm:ss</c> that some APIs send.</summary>
    public static TimeSpan ReadDuration(ref Utf8JsonReader reader)
    {
        var text = reader.GetString() ?? throw new JsonException("Expected a duration, found null.");
        try
        {
            if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)) return XmlConvert.ToTimeSpan(text);
            return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            throw new JsonException($"'{text}' is not a duration.", ex);
        }
        catch (OverflowException ex)
        {
            throw new JsonException($"'{text}' is not a duration.", ex);
        }
    }

    /// <summary>Writes a <c>duration</c> in ISO 8601 (<c>P1DT2H</c>).</summary>
    public static void WriteDuration(Utf8JsonWriter writer, TimeSpan value) => writer.WriteStringValue(XmlConvert.ToString(value));

#if NET
    internal static string FormatTimeOnly(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
#endif
}
