using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Apiforge.Runtime;

/// <summary>Reads one JSON value at the reader's current token.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one JSON value.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value);

/// <summary>Helpers the generated JSON readers and writers call: values, collections, discriminators, errors. Used by generated code.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public abstract partial class ApiJson
{
    /// <summary>For the generated object converters, which derive from this class to call its helpers by simple name.</summary>
    protected ApiJson()
    {
    }

    /// <summary>Reads a JSON array into a list.</summary>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, JsonValueReader<T> readElement)
    {
        if (reader.TokenType != JsonTokenType.StartArray) ThrowUnexpectedToken(ref reader, "array");
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(readElement(ref reader));
        }
        return list;
    }

    /// <summary>Writes a list as a JSON array.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, List<T> values, JsonValueWriter<T> writeElement)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(writeElement);
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writeElement(writer, value);
        }
        writer.WriteEndArray();
    }

    /// <summary>Reads a JSON object into a dictionary.</summary>
    public static Dictionary<string, T> ReadDictionary<T>(ref Utf8JsonReader reader, JsonValueReader<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject) ThrowUnexpectedToken(ref reader, "object");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = readValue(ref reader);
        }
        return map;
    }

    /// <summary>Writes a dictionary as a JSON object.</summary>
    public static void WriteDictionary<T>(Utf8JsonWriter writer, Dictionary<string, T> values, JsonValueWriter<T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(writeValue);
        writer.WriteStartObject();
        foreach (var pair in values)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }
        writer.WriteEndObject();
    }

    /// <summary>Reads a string; numbers and booleans are taken as their JSON text (APIs are loose about this).</summary>
    public static string ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
            System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        _ => throw Unexpected(ref reader, "string"),
    };

#if NET
    /// <summary>Reads an ISO 8601 full-date (<c>yyyy-MM-dd</c>).</summary>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unexpected(ref reader, "date");
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dateTime)) return DateOnly.FromDateTime(dateTime.Date);
        throw new JsonException($"'{text}' is not a date (yyyy-MM-dd).");
    }

    /// <summary>Writes an ISO 8601 full-date.</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

#endif

    /// <summary>Reads an absolute or relative URI.</summary>
    public static Uri ReadUri(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unexpected(ref reader, "URI");
        return new Uri(text, UriKind.RelativeOrAbsolute);
    }

    /// <summary>Throws the exception for a token of the wrong kind.</summary>
    [DoesNotReturn]
    public static void ThrowUnexpectedToken(ref Utf8JsonReader reader, string expected) => throw Unexpected(ref reader, expected);

    /// <summary>Throws the exception for a required property that is missing or null.</summary>
    [DoesNotReturn]
    public static void ThrowMissingProperty(string typeName, string propertyName)
        => throw new ApiJsonReadException(MissingPropertyReason(typeName, propertyName));

    /// <summary>Throws the exception for a required property that is missing or null, at the end of the object that lacks it.</summary>
    [DoesNotReturn]
    public static void ThrowMissingProperty(ref Utf8JsonReader reader, string typeName, string propertyName)
        => throw new ApiJsonReadException(MissingPropertyReason(typeName, propertyName), reader.TokenStartIndex, propertyName);

    private static string MissingPropertyReason(string typeName, string propertyName)
        => $"The JSON for {typeName} lacks its required property '{propertyName}' (or it is null)";

    /// <summary>The exception for an enum value the API description does not list.</summary>
    public static JsonException UnknownEnumValue(string enumName, string? value)
        => new($"'{value}' is not a value of {enumName}.");

    /// <summary>The exception for a C# enum value with no JSON value.</summary>
    public static JsonException UndefinedEnumValue(string enumName, long value)
        => new($"{value.ToString(CultureInfo.InvariantCulture)} is not a defined value of {enumName}.");

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

    private static ApiJsonReadException Unexpected(ref Utf8JsonReader reader, string expected)
        => new($"Expected {expected} but found {reader.TokenType} at byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)}", reader.TokenStartIndex, null);
}

/// <summary>A converter made of a generated reader and writer; the generated resolvers wrap every type in one.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class DelegateJsonConverter<T> : JsonConverter<T>
{
    private readonly JsonValueReader<T> _read;
    private readonly JsonValueWriter<T> _write;

    /// <summary>Creates the converter.</summary>
    public DelegateJsonConverter(JsonValueReader<T> read, JsonValueWriter<T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The whole value is buffered when a converter runs: a failure is located by reading it again from here,
        // so reading that succeeds pays for nothing but this copy.
        var start = reader;
        try
        {
            return _read(ref reader);
        }
        catch (ApiJsonReadException ex) when (!ex.IsLocated)
        {
            ex.Locate(start);
            throw;
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);
}
