using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Emits System.Text.Json serialization code written by Apiforge itself: one static reader/writer class per
/// generated type, and one <c>IJsonTypeInfoResolver</c> per client. No reflection, and nothing left for the
/// System.Text.Json source generator to fill in (it never sees this generator's output).
/// </summary>
internal static partial class JsonEmitter
{
    private const string Runtime = "global::Apiforge.Runtime.ApiJson";
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string Values = "global::Apiforge.Runtime.ApiJsonValues";
    private const string WireFormats = "global::Apiforge.Runtime.ApiWireFormats";

    public static string ConverterName(string ns, string typeName) => $"global::{ns}.Serialization.{typeName}Json";

    // ------------------------------------------------------------ per type

    public static void WriteConverter(SourceWriter w, string ns, TypeSpec type)
    {
        var typeName = $"global::{ns}.{type.Name}";
        w.Line($"/// <summary>Reads and writes <see cref=\"{typeName}\"/> as JSON.</summary>");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"internal static class {type.Name}Json");
        w.OpenBrace();
        switch (type.Kind)
        {
            case TypeSpecKind.Object:
                WriteObjectConverter(w, ns, type, typeName);
                break;
            case TypeSpecKind.StringEnum:
                WriteStringEnumConverter(w, type, typeName);
                break;
            case TypeSpecKind.IntegerEnum:
                WriteIntegerEnumConverter(w, type, typeName);
                break;
            default:
                WriteUnionConverter(w, ns, type, typeName);
                break;
        }
        w.CloseBrace();
    }

    // ------------------------------------------------------------ values

    /// <summary>An expression reading a value of <paramref name="type"/> at the reader's current token.</summary>
    public static string ReadExpression(TypeRef type, string ns, string reader, int depth)
    {
        var core = type.Kind switch
        {
            TypeRefKind.Object or TypeRefKind.Enum => $"{ConverterName(ns, type.Name)}.ReadValue(ref {reader})",
            TypeRefKind.List => $"{Runtime}.ReadList(ref {reader}, {ReaderDelegate(type.Element!, ns, depth + 1)})",
            TypeRefKind.Map => $"{Runtime}.ReadDictionary(ref {reader}, {ReaderDelegate(type.Element!, ns, depth + 1)})",
            TypeRefKind.Any => $"global::System.Text.Json.JsonElement.ParseValue(ref {reader})",
            _ => PrimitiveRead(type.Name, reader),
        };
        if (!type.Nullable) return core;
        return $"({reader}.TokenType == {TokenType}.Null ? ({CSharp.TypeName(type, ns, nullable: true)})null : {core})";
    }

    private static string PrimitiveRead(string name, string reader) => name switch
    {
        PrimitiveNames.String => $"{Runtime}.ReadString(ref {reader})",
        PrimitiveNames.Boolean => $"{reader}.GetBoolean()",
        PrimitiveNames.Int32 => $"{reader}.GetInt32()",
        PrimitiveNames.Int64 => $"{reader}.GetInt64()",
        PrimitiveNames.Single => $"{reader}.GetSingle()",
        PrimitiveNames.Double => $"{reader}.GetDouble()",
        PrimitiveNames.Decimal => $"{reader}.GetDecimal()",
        PrimitiveNames.DateTimeOffset => $"{Values}.ReadDateTimeOffset(ref {reader})",
        PrimitiveNames.DateOnly => $"{Runtime}.ReadDateOnly(ref {reader})",
        PrimitiveNames.TimeOnly => $"{Values}.ReadTimeOnly(ref {reader})",
        PrimitiveNames.DateAsDateTime => $"global::Apiforge.Runtime.ApiDates.ReadDate(ref {reader})",
        PrimitiveNames.TimeAsTimeSpan => $"global::Apiforge.Runtime.ApiDates.ReadTimeOfDay(ref {reader})",
        PrimitiveNames.TimeSpan => $"{Values}.ReadDuration(ref {reader})",
        PrimitiveNames.Guid => $"{reader}.GetGuid()",
        PrimitiveNames.Uri => $"{Runtime}.ReadUri(ref {reader})",
        PrimitiveNames.Bytes => $"{reader}.GetBytesFromBase64()",
        PrimitiveNames.DateTimeRfc1123 => $"{WireFormats}.ReadRfc1123(ref {reader})",
        PrimitiveNames.UnixTime => $"{WireFormats}.ReadUnixTime(ref {reader})",
        PrimitiveNames.Base64Url => $"{WireFormats}.ReadBase64Url(ref {reader})",
        _ => $"{Runtime}.ReadString(ref {reader})",
    };

    private static string ReaderDelegate(TypeRef type, string ns, int depth)
    {
        if (!type.Nullable)
        {
            switch (type.Kind)
            {
                case TypeRefKind.Object:
                case TypeRefKind.Enum:
                    return $"{ConverterName(ns, type.Name)}.ReadValue";
            }
        }
        var r = "r" + depth.ToString(CultureInfo.InvariantCulture);
        return $"static (ref {Reader} {r}) => {ReadExpression(type, ns, r, depth)}";
    }

    private static string WriterDelegate(TypeRef type, string ns, int depth)
    {
        if (!type.Nullable && type.Kind is TypeRefKind.Object or TypeRefKind.Enum)
        {
            return $"{ConverterName(ns, type.Name)}.WriteValue";
        }
        var suffix = depth.ToString(CultureInfo.InvariantCulture);
        return $"static (w{suffix}, v{suffix}) => {{ {WriteValueInline(type, ns, "w" + suffix, "v" + suffix, depth)} }}";
    }

    /// <summary>Statements writing <paramref name="value"/> (of <paramref name="type"/>) with <c>writer</c>.</summary>
    public static void WriteValueStatements(SourceWriter w, TypeRef type, string ns, string value, int depth)
        => w.Line(WriteValueInline(type, ns, "writer", value, depth));

    internal static string WriteValueInline(TypeRef type, string ns, string writer, string value, int depth)
    {
        if (type.Nullable)
        {
            var inner = WriteValueInline(type.WithNullable(false), ns, writer, type.IsValueType ? value + ".Value" : value, depth);
            return $"if ({value} is null) {writer}.WriteNullValue(); else {{ {inner} }}";
        }
        return type.Kind switch
        {
            TypeRefKind.Object or TypeRefKind.Enum => $"{ConverterName(ns, type.Name)}.WriteValue({writer}, {value});",
            TypeRefKind.List => $"{Runtime}.WriteList({writer}, {value}, {WriterDelegate(type.Element!, ns, depth + 1)});",
            TypeRefKind.Map => $"{Runtime}.WriteDictionary({writer}, {value}, {WriterDelegate(type.Element!, ns, depth + 1)});",
            TypeRefKind.Any => $"{value}.WriteTo({writer});",
            _ => PrimitiveWrite(type.Name, writer, value),
        };
    }

    private static string PrimitiveWrite(string name, string writer, string value) => name switch
    {
        PrimitiveNames.Boolean => $"{writer}.WriteBooleanValue({value});",
        PrimitiveNames.Int32 or PrimitiveNames.Int64 or PrimitiveNames.Single or PrimitiveNames.Double or PrimitiveNames.Decimal
            => $"{writer}.WriteNumberValue({value});",
        PrimitiveNames.DateOnly => $"{Runtime}.WriteDateOnly({writer}, {value});",
        PrimitiveNames.DateTimeOffset => $"{Values}.WriteDateTimeOffset({writer}, {value});",
        PrimitiveNames.TimeOnly => $"{Values}.WriteTimeOnly({writer}, {value});",
        PrimitiveNames.DateAsDateTime => $"global::Apiforge.Runtime.ApiDates.WriteDate({writer}, {value});",
        PrimitiveNames.TimeAsTimeSpan => $"global::Apiforge.Runtime.ApiDates.WriteTimeOfDay({writer}, {value});",
        PrimitiveNames.TimeSpan => $"{Values}.WriteDuration({writer}, {value});",
        PrimitiveNames.Uri => $"{writer}.WriteStringValue({value}.OriginalString);",
        PrimitiveNames.Bytes => $"{writer}.WriteBase64StringValue({value});",
        PrimitiveNames.DateTimeRfc1123 => $"{WireFormats}.WriteRfc1123({writer}, {value});",
        PrimitiveNames.UnixTime => $"{WireFormats}.WriteUnixTime({writer}, {value});",
        PrimitiveNames.Base64Url => $"{WireFormats}.WriteBase64Url({writer}, {value});",
        _ => $"{writer}.WriteStringValue({value});",
    };
}
