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

    public static string ConverterName(string ns, string typeName) => $"global::{ns}.Serialization.{typeName}Json";

    // ------------------------------------------------------------ per type

    public static void WriteConverter(SourceWriter w, string ns, TypeSpec type)
    {
        var typeName = $"global::{ns}.{type.Name}";
        w.Line($"/// <summary>Reads and writes <see cref=\"{typeName}\"/> as JSON.</summary>");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        // An object's converter inherits the runtime helpers, so that its per-property lines call them by simple name.
        w.Line(type.Kind == TypeSpecKind.Object ? $"internal abstract class {type.Name}Json : {Runtime}" : $"internal static class {type.Name}Json");
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
        if (!type.Nullable)
        {
            return type.Kind switch
            {
                TypeRefKind.Object or TypeRefKind.Enum => $"{ConverterName(ns, type.Name)}.ReadValue(ref {reader})",
                TypeRefKind.List => $"{Runtime}.ReadList(ref {reader}, {ReaderDelegate(type.Element!, ns, depth + 1)})",
                TypeRefKind.Map => $"{Runtime}.ReadDictionary(ref {reader}, {ReaderDelegate(type.Element!, ns, depth + 1)})",
                TypeRefKind.Any => $"global::System.Text.Json.JsonElement.ParseValue(ref {reader})",
                _ => Primitive.Of(type.Name).Read(reader),
            };
        }
        // A JSON null reads as a C# null: one runtime call, whatever the type.
        return type.Kind switch
        {
            TypeRefKind.Object => $"{Runtime}.ReadOrNull(ref {reader}, {ConverterName(ns, type.Name)}.ReadValue)",
            TypeRefKind.Enum => $"{Runtime}.ReadValueOrNull(ref {reader}, {ConverterName(ns, type.Name)}.ReadValue)",
            TypeRefKind.List => $"{Runtime}.ReadListOrNull(ref {reader}, {ReaderDelegate(type.Element!, ns, depth + 1)})",
            TypeRefKind.Map => $"{Runtime}.ReadDictionaryOrNull(ref {reader}, {ReaderDelegate(type.Element!, ns, depth + 1)})",
            TypeRefKind.Any => $"{Runtime}.ReadJsonElementOrNull(ref {reader})",
            _ => Primitive.Of(type.Name).ReadOrNull(reader, type.IsValueType),
        };
    }

    private static string ReaderDelegate(TypeRef type, string ns, int depth)
    {
        if (!type.Nullable)
        {
            switch (type.Kind)
            {
                case TypeRefKind.Object:
                case TypeRefKind.Enum:
                    return $"{ConverterName(ns, type.Name)}.ReadValue";
                case TypeRefKind.Primitive when Primitive.Of(type.Name).ReaderMethod is { } method:
                    return method;
            }
        }
        var r = "r" + depth.ToString(CultureInfo.InvariantCulture);
        return $"static (ref {Reader} {r}) => {ReadExpression(type, ns, r, depth)}";
    }

    /// <summary>A <c>JsonValueWriter</c> for non-null values of <paramref name="type"/>: a method group where one exists.</summary>
    private static string WriterDelegate(TypeRef type, string ns, int depth)
    {
        if (!type.Nullable)
        {
            switch (type.Kind)
            {
                case TypeRefKind.Object:
                case TypeRefKind.Enum:
                    return $"{ConverterName(ns, type.Name)}.WriteValue";
                case TypeRefKind.Primitive when Primitive.Of(type.Name).WriterMethod is { } method:
                    return method;
            }
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
            _ => Primitive.Of(type.Name).Write(writer, value),
        };
    }
}
