using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Apiforge.Runtime;

// One call per value or property, so that each generated reader and writer stays a line per property: nullable reads
// (a JSON null is a C# null), and property writes that leave out an optional null or write a required one as null.
public abstract partial class ApiJson
{
    /// <summary>Reads a bool, or null for a JSON null.</summary>
    public static bool? ReadBooleanOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();

    /// <summary>Reads a int, or null for a JSON null.</summary>
    public static int? ReadInt32OrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();

    /// <summary>Reads a long, or null for a JSON null.</summary>
    public static long? ReadInt64OrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();

    /// <summary>Reads a float, or null for a JSON null.</summary>
    public static float? ReadSingleOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetSingle();

    /// <summary>Reads a double, or null for a JSON null.</summary>
    public static double? ReadDoubleOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();

    /// <summary>Reads a decimal, or null for a JSON null.</summary>
    public static decimal? ReadDecimalOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetDecimal();

    /// <summary>Reads a Guid, or null for a JSON null.</summary>
    public static Guid? ReadGuidOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetGuid();

    /// <summary>Reads a DateTimeOffset, or null for a JSON null.</summary>
    public static DateTimeOffset? ReadDateTimeOffsetOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadDateTimeOffset(ref reader);

    /// <summary>Reads a string (see <see cref="ReadString"/>), or null for a JSON null.</summary>
    public static string? ReadStringOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadString(ref reader);

    /// <summary>Reads a URI, or null for a JSON null.</summary>
    public static Uri? ReadUriOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : ReadUri(ref reader);

    /// <summary>Reads base64 bytes, or null for a JSON null.</summary>
    public static byte[]? ReadBytesOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetBytesFromBase64();

    /// <summary>Reads any JSON value, or null for a JSON null.</summary>
    public static JsonElement? ReadJsonElementOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    /// <summary>Reads a JSON array into a list, or null for a JSON null.</summary>
    public static List<T>? ReadListOrNull<T>(ref Utf8JsonReader reader, JsonValueReader<T> readElement)
        => reader.TokenType == JsonTokenType.Null ? null : ReadList(ref reader, readElement);

    /// <summary>Reads a JSON object into a dictionary, or null for a JSON null.</summary>
    public static Dictionary<string, T>? ReadDictionaryOrNull<T>(ref Utf8JsonReader reader, JsonValueReader<T> readValue)
        => reader.TokenType == JsonTokenType.Null ? null : ReadDictionary(ref reader, readValue);

    /// <summary>Reads a value of a reference type with <paramref name="read"/>, or null for a JSON null.</summary>
    public static T? ReadOrNull<T>(ref Utf8JsonReader reader, JsonValueReader<T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        return reader.TokenType == JsonTokenType.Null ? null : read(ref reader);
    }

    /// <summary>Reads a value of a value type with <paramref name="read"/>, or null for a JSON null.</summary>
    public static T? ReadValueOrNull<T>(ref Utf8JsonReader reader, JsonValueReader<T> read)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(read);
        return reader.TokenType == JsonTokenType.Null ? null : read(ref reader);
    }

    /// <summary>Writes a URI as its original text.</summary>
    public static void WriteUri(Utf8JsonWriter writer, Uri value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.OriginalString);
    }

    /// <summary>Writes a bool property.</summary>
    public static void WriteBooleanProperty(Utf8JsonWriter writer, JsonEncodedText name, bool value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        writer.WriteBooleanValue(value);
    }

    /// <summary>Writes a bool property; null as a JSON null.</summary>
    public static void WriteNullableBooleanProperty(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is null) WriteNullProperty(writer, name);
        else WriteBooleanProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a bool property unless it is null.</summary>
    public static void WriteOptionalBooleanProperty(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is not null) WriteBooleanProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a int property.</summary>
    public static void WriteInt32Property(Utf8JsonWriter writer, JsonEncodedText name, int value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        writer.WriteNumberValue(value);
    }

    /// <summary>Writes a int property; null as a JSON null.</summary>
    public static void WriteNullableInt32Property(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is null) WriteNullProperty(writer, name);
        else WriteInt32Property(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a int property unless it is null.</summary>
    public static void WriteOptionalInt32Property(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is not null) WriteInt32Property(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a long property.</summary>
    public static void WriteInt64Property(Utf8JsonWriter writer, JsonEncodedText name, long value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        writer.WriteNumberValue(value);
    }

    /// <summary>Writes a long property; null as a JSON null.</summary>
    public static void WriteNullableInt64Property(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is null) WriteNullProperty(writer, name);
        else WriteInt64Property(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a long property unless it is null.</summary>
    public static void WriteOptionalInt64Property(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is not null) WriteInt64Property(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a float property.</summary>
    public static void WriteSingleProperty(Utf8JsonWriter writer, JsonEncodedText name, float value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        writer.WriteNumberValue(value);
    }

    /// <summary>Writes a float property; null as a JSON null.</summary>
    public static void WriteNullableSingleProperty(Utf8JsonWriter writer, JsonEncodedText name, float? value)
    {
        if (value is null) WriteNullProperty(writer, name);
        else WriteSingleProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a float property unless it is null.</summary>
    public static void WriteOptionalSingleProperty(Utf8JsonWriter writer, JsonEncodedText name, float? value)
    {
        if (value is not null) WriteSingleProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a double property.</summary>
    public static void WriteDoubleProperty(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        writer.WriteNumberValue(value);
    }

    /// <summary>Writes a double property; null as a JSON null.</summary>
    public static void WriteNullableDoubleProperty(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is null) WriteNullProperty(writer, name);
        else WriteDoubleProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a double property unless it is null.</summary>
    public static void WriteOptionalDoubleProperty(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is not null) WriteDoubleProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a decimal property.</summary>
    public static void WriteDecimalProperty(Utf8JsonWriter writer, JsonEncodedText name, decimal value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        writer.WriteNumberValue(value);
    }

    /// <summary>Writes a decimal property; null as a JSON null.</summary>
    public static void WriteNullableDecimalProperty(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is null) WriteNullProperty(writer, name);
        else WriteDecimalProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a decimal property unless it is null.</summary>
    public static void WriteOptionalDecimalProperty(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is not null) WriteDecimalProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a Guid property.</summary>
    public static void WriteGuidProperty(Utf8JsonWriter writer, JsonEncodedText name, Guid value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        writer.WriteStringValue(value);
    }

    /// <summary>Writes a Guid property; null as a JSON null.</summary>
    public static void WriteNullableGuidProperty(Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        if (value is null) WriteNullProperty(writer, name);
        else WriteGuidProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a Guid property unless it is null.</summary>
    public static void WriteOptionalGuidProperty(Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        if (value is not null) WriteGuidProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a DateTimeOffset property.</summary>
    public static void WriteDateTimeOffsetProperty(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteDateTimeOffset(writer, value);
    }

    /// <summary>Writes a DateTimeOffset property; null as a JSON null.</summary>
    public static void WriteNullableDateTimeOffsetProperty(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is null) WriteNullProperty(writer, name);
        else WriteDateTimeOffsetProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a DateTimeOffset property unless it is null.</summary>
    public static void WriteOptionalDateTimeOffsetProperty(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is not null) WriteDateTimeOffsetProperty(writer, name, value.GetValueOrDefault());
    }

    /// <summary>Writes a string property; null as a JSON null.</summary>
    public static void WriteStringProperty(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }

    /// <summary>Writes a string property unless it is null.</summary>
    public static void WriteOptionalStringProperty(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null) WriteStringProperty(writer, name, value);
    }

    /// <summary>Writes a base64 property; null as a JSON null.</summary>
    public static void WriteBytesProperty(Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        if (value is null) writer.WriteNullValue();
        else writer.WriteBase64StringValue(value);
    }

    /// <summary>Writes a base64 property unless it is null.</summary>
    public static void WriteOptionalBytesProperty(Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
    {
        if (value is not null) WriteBytesProperty(writer, name, value);
    }

    /// <summary>Writes a property of a reference type with <paramref name="write"/>; null as a JSON null.</summary>
    public static void WriteProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonValueWriter<T> write)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        writer.WritePropertyName(name);
        if (value is null) writer.WriteNullValue();
        else write(writer, value);
    }

    /// <summary>Writes a property of a reference type with <paramref name="write"/> unless it is null.</summary>
    public static void WriteOptionalProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonValueWriter<T> write)
        where T : class
    {
        if (value is not null) WriteProperty(writer, name, value, write);
    }

    /// <summary>Writes a property of a value type with <paramref name="write"/>.</summary>
    public static void WriteValueProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, T value, JsonValueWriter<T> write)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        writer.WritePropertyName(name);
        write(writer, value);
    }

    /// <summary>Writes a property of a nullable value type with <paramref name="write"/>; null as a JSON null.</summary>
    public static void WriteValueProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonValueWriter<T> write)
        where T : struct
    {
        if (value is null) WriteNullProperty(writer, name);
        else WriteValueProperty(writer, name, value.GetValueOrDefault(), write);
    }

    /// <summary>Writes a property of a nullable value type with <paramref name="write"/> unless it is null.</summary>
    public static void WriteOptionalValueProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonValueWriter<T> write)
        where T : struct
    {
        if (value is not null) WriteValueProperty(writer, name, value.GetValueOrDefault(), write);
    }

    // List and dictionary properties: one call with the element's writer, where a lambda writing the collection inside a
    // property call cost the consumer's compiler a nested lambda binding at every such property.

    /// <summary>Writes a list property with <paramref name="writeElement"/>; null as a JSON null.</summary>
    public static void WriteListProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, List<T>? values, JsonValueWriter<T> writeElement)
    {
        if (values is null) WriteNullProperty(writer, name);
        else
        {
            writer.WritePropertyName(name);
            WriteList(writer, values, writeElement);
        }
    }

    /// <summary>Writes a list property with <paramref name="writeElement"/> unless it is null.</summary>
    public static void WriteOptionalListProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, List<T>? values, JsonValueWriter<T> writeElement)
    {
        if (values is not null) WriteListProperty(writer, name, values, writeElement);
    }

    /// <summary>Writes a dictionary property with <paramref name="writeValue"/>; null as a JSON null.</summary>
    public static void WriteDictionaryProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, Dictionary<string, T>? values, JsonValueWriter<T> writeValue)
    {
        if (values is null) WriteNullProperty(writer, name);
        else
        {
            writer.WritePropertyName(name);
            WriteDictionary(writer, values, writeValue);
        }
    }

    /// <summary>Writes a dictionary property with <paramref name="writeValue"/> unless it is null.</summary>
    public static void WriteOptionalDictionaryProperty<T>(Utf8JsonWriter writer, JsonEncodedText name, Dictionary<string, T>? values, JsonValueWriter<T> writeValue)
    {
        if (values is not null) WriteDictionaryProperty(writer, name, values, writeValue);
    }

    /// <summary>Writes a list of strings property; null as a JSON null.</summary>
    public static void WriteStringListProperty(Utf8JsonWriter writer, JsonEncodedText name, List<string>? values)
    {
        if (values is null)
        {
            WriteNullProperty(writer, name);
            return;
        }
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    /// <summary>Writes a list of strings property unless it is null.</summary>
    public static void WriteOptionalStringListProperty(Utf8JsonWriter writer, JsonEncodedText name, List<string>? values)
    {
        if (values is not null) WriteStringListProperty(writer, name, values);
    }

    /// <summary>Writes a dictionary of strings property; null as a JSON null.</summary>
    public static void WriteStringDictionaryProperty(Utf8JsonWriter writer, JsonEncodedText name, Dictionary<string, string>? values)
    {
        if (values is null)
        {
            WriteNullProperty(writer, name);
            return;
        }
        writer.WritePropertyName(name);
        writer.WriteStartObject();
        foreach (var pair in values)
        {
            writer.WritePropertyName(pair.Key);
            writer.WriteStringValue(pair.Value);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes a dictionary of strings property unless it is null.</summary>
    public static void WriteOptionalStringDictionaryProperty(Utf8JsonWriter writer, JsonEncodedText name, Dictionary<string, string>? values)
    {
        if (values is not null) WriteStringDictionaryProperty(writer, name, values);
    }

    /// <summary>Writes the properties kept from a read that the type does not know, as they came.</summary>
    public static void WriteExtensionData(Utf8JsonWriter writer, Dictionary<string, JsonElement>? extensionData)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (extensionData is null) return;
        foreach (var pair in extensionData)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    private static void WriteNullProperty(Utf8JsonWriter writer, JsonEncodedText name)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        writer.WriteNullValue();
    }
}
