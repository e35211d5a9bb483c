using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    private static void WriteStringEnumConverter(SourceWriter w, TypeSpec type, string typeName)
    {
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        w.Line($"if (reader.TokenType != {TokenType}.String) {Runtime}.ThrowUnexpectedToken(ref reader, {CSharp.Literal(type.Name)});");
        // Small enums hand back their shared instances without allocating; large ones are not worth the code.
        if (type.Members.Count <= 16)
        {
            foreach (var member in type.Members)
            {
                w.Line($"if (reader.ValueTextEquals({CSharp.Utf8Literal(member.JsonValue)})) return {typeName}.{member.Name};");
            }
        }
        w.Line("// A value the description does not list is kept as it came.");
        w.Line($"return new {typeName}(reader.GetString()!);");
        w.CloseBrace();
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value) => writer.WriteStringValue(value.Value);");
        w.Line();
        w.Line($"/// <summary>The value as it is written on the wire: in JSON, query strings, paths and headers.</summary>");
        w.Line($"public static string ToWireString({typeName} value) => value.Value;");
    }

    private static void WriteIntegerEnumConverter(SourceWriter w, TypeSpec type, string typeName)
    {
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        w.Line($"if (reader.TokenType != {TokenType}.Number) {Runtime}.ThrowUnexpectedToken(ref reader, {CSharp.Literal(type.Name)});");
        w.Line("// A number the description does not list is kept as an unnamed value.");
        w.Line($"return ({typeName})reader.GetInt64();");
        w.CloseBrace();
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value) => writer.WriteNumberValue((long)value);");
        w.Line();
        w.Line($"public static string ToWireString({typeName} value) => ((long)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
    }
}
