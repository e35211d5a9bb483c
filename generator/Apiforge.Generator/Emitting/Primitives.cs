using System.Collections.Generic;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// How generated code handles one primitive (a <see cref="PrimitiveNames"/> value): its C# type, how JSON reads and
/// writes it, and how a parameter of it becomes text. To add a format, add its row here.
/// </summary>
/// <param name="TypeName">The C# type, fully qualified.</param>
/// <param name="ReaderMethod">A runtime method <c>T (ref Utf8JsonReader)</c>; null when <paramref name="ReaderCall"/> reads it.</param>
/// <param name="ReaderCall">The <c>Utf8JsonReader</c> method that reads it (<c>GetInt64</c>); null when <paramref name="ReaderMethod"/> does.</param>
/// <param name="ReadOrNullMethod">A runtime method <c>T? (ref Utf8JsonReader)</c> reading a JSON null as null; null for none.</param>
/// <param name="WriterMethod">A runtime method <c>void (Utf8JsonWriter, T)</c>; null when <paramref name="WriterCall"/> writes it.</param>
/// <param name="WriterCall">The <c>Utf8JsonWriter</c> method that writes it (<c>WriteNumberValue</c>); null when <paramref name="WriterMethod"/> does.</param>
/// <param name="PropertyWriter">The type's part of the names of the runtime's property writers in this format (<c>Int64</c>:
/// <c>ApiJson.WriteInt64Property</c>, <c>WriteNullableInt64Property</c>, <c>WriteOptionalInt64Property</c>); null for none.
/// One name per type, not overloads: binding a call among many overloads was a large part of a consumer's compile.</param>
/// <param name="Formatter">A runtime method <c>string (T)</c> giving its text in a path, query string or header, named from
/// <c>Apiforge.Runtime</c> (<c>ApiFormat.Format</c>): the client writes it alias-qualified (<see cref="RuntimeNames.Member"/>).
/// Null for a string, which is its own text: no call (and no lambda around one for a list) for the compiler to bind.</param>
internal sealed record Primitive(
    string TypeName,
    string? ReaderMethod,
    string? ReaderCall,
    string? ReadOrNullMethod,
    string? WriterMethod,
    string? WriterCall,
    string? PropertyWriter,
    string? Formatter)
{
    private const string Json = "global::Apiforge.Runtime.ApiJson";
    private const string Dates = "global::Apiforge.Runtime.ApiDates";
    private const string WireFormats = "global::Apiforge.Runtime.ApiWireFormats";
    private const string Format = "ApiFormat.Format";

    private static readonly Primitive StringRow = new("string", Json + ".ReadString", null, Json + ".ReadStringOrNull", null, "WriteStringValue", "String", null);

    private static readonly Dictionary<string, Primitive> Rows = new()
    {
        [PrimitiveNames.String] = StringRow,
        [PrimitiveNames.Boolean] = new("bool", null, "GetBoolean", Json + ".ReadBooleanOrNull", null, "WriteBooleanValue", "Boolean", Format),
        [PrimitiveNames.Int32] = new("int", null, "GetInt32", Json + ".ReadInt32OrNull", null, "WriteNumberValue", "Int32", Format),
        [PrimitiveNames.Int64] = new("long", null, "GetInt64", Json + ".ReadInt64OrNull", null, "WriteNumberValue", "Int64", Format),
        [PrimitiveNames.Single] = new("float", null, "GetSingle", Json + ".ReadSingleOrNull", null, "WriteNumberValue", "Single", Format),
        [PrimitiveNames.Double] = new("double", null, "GetDouble", Json + ".ReadDoubleOrNull", null, "WriteNumberValue", "Double", Format),
        [PrimitiveNames.Decimal] = new("decimal", null, "GetDecimal", Json + ".ReadDecimalOrNull", null, "WriteNumberValue", "Decimal", Format),
        [PrimitiveNames.Guid] = new("global::System.Guid", null, "GetGuid", Json + ".ReadGuidOrNull", null, "WriteStringValue", "Guid", Format),
        [PrimitiveNames.DateTimeOffset] = new("global::System.DateTimeOffset", Json + ".ReadDateTimeOffset", null, Json + ".ReadDateTimeOffsetOrNull", Json + ".WriteDateTimeOffset", null, "DateTimeOffset", Format),
        [PrimitiveNames.DateOnly] = new("global::System.DateOnly", Json + ".ReadDateOnly", null, null, Json + ".WriteDateOnly", null, null, Format),
        [PrimitiveNames.TimeOnly] = new("global::System.TimeOnly", Json + ".ReadTimeOnly", null, null, Json + ".WriteTimeOnly", null, null, Format),
        [PrimitiveNames.TimeSpan] = new("global::System.TimeSpan", Json + ".ReadDuration", null, null, Json + ".WriteDuration", null, null, Format),
        [PrimitiveNames.DateAsDateTime] = new("global::System.DateTime", Dates + ".ReadDate", null, null, Dates + ".WriteDate", null, null, "ApiDates.FormatDate"),
        [PrimitiveNames.TimeAsTimeSpan] = new("global::System.TimeSpan", Dates + ".ReadTimeOfDay", null, null, Dates + ".WriteTimeOfDay", null, null, "ApiDates.FormatTimeOfDay"),
        [PrimitiveNames.Uri] = new("global::System.Uri", Json + ".ReadUri", null, Json + ".ReadUriOrNull", Json + ".WriteUri", null, null, Format),
        [PrimitiveNames.Bytes] = new("byte[]", null, "GetBytesFromBase64", Json + ".ReadBytesOrNull", null, "WriteBase64StringValue", "Bytes", Format),
        [PrimitiveNames.Stream] = StringRow with { TypeName = "global::System.IO.Stream", PropertyWriter = null },
        [PrimitiveNames.DateTimeRfc1123] = new("global::System.DateTimeOffset", WireFormats + ".ReadRfc1123", null, null, WireFormats + ".WriteRfc1123", null, null, "ApiWireFormats.FormatRfc1123"),
        [PrimitiveNames.UnixTime] = new("global::System.DateTimeOffset", WireFormats + ".ReadUnixTime", null, null, WireFormats + ".WriteUnixTime", null, null, "ApiWireFormats.FormatUnixTime"),
        [PrimitiveNames.Base64Url] = new("byte[]", WireFormats + ".ReadBase64Url", null, null, WireFormats + ".WriteBase64Url", null, null, "ApiWireFormats.FormatBase64Url"),
    };

    /// <summary>The row of <paramref name="name"/>; a name the table does not know is handled as a string.</summary>
    public static Primitive Of(string name) => Rows.TryGetValue(name, out var row) ? row : StringRow;

    /// <summary>An expression reading the value at <paramref name="reader"/>'s current token.</summary>
    public string Read(string reader) => ReaderMethod is not null ? $"{ReaderMethod}(ref {reader})" : $"{reader}.{ReaderCall}()";

    /// <summary>An expression reading the value, or null for a JSON null.</summary>
    public string ReadOrNull(string reader, bool isValueType)
    {
        if (ReadOrNullMethod is not null) return $"{ReadOrNullMethod}(ref {reader})";
        return $"{Json}.{(isValueType ? "ReadValueOrNull" : "ReadOrNull")}(ref {reader}, {ReaderMethod})";
    }

    /// <summary>An expression giving <paramref name="value"/>'s text in a path, query string or header.</summary>
    public string Text(string value) => Formatter is null ? value : $"{RuntimeNames.Member(Formatter)}({value})";

    /// <summary>A statement writing <paramref name="value"/> with <paramref name="writer"/>.</summary>
    public string Write(string writer, string value)
        => WriterMethod is not null ? $"{WriterMethod}({writer}, {value});" : $"{writer}.{WriterCall}({value});";
}
