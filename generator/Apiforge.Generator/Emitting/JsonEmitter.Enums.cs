using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    private const string EnumValues = "global::Apiforge.Runtime.ApiEnumValues";

    /// <summary>
    /// A string enum's JSON class holds its runtime value table (wire strings in the order of the <c>Known</c> members),
    /// which both reads the JSON and gives the struct its <c>KnownValue</c>.
    /// </summary>
    private static void WriteStringEnumConverter(SourceWriter w, TypeSpec type, string typeName)
    {
        var values = string.Concat(type.Members.Select(m => ", " + CSharp.Literal(m.JsonValue)));
        w.Line($"internal static readonly {EnumValues} Values = new({CSharp.Literal(type.Name)}{values});");
        w.Line();
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader) => new(Values.Read(ref reader));");
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value) => writer.WriteStringValue(value.Value);");
        w.Line();
        w.Line("/// <summary>The value as it is written on the wire: in JSON, query strings, paths and headers.</summary>");
        w.Line($"public static string ToWireString({typeName} value) => value.Value;");
    }

    private static void WriteIntegerEnumConverter(SourceWriter w, TypeSpec type, string typeName)
    {
        // A number the description does not list is kept as an unnamed value.
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader) => ({typeName}){EnumValues}.ReadInteger(ref reader, {CSharp.Literal(type.Name)});");
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value) => writer.WriteNumberValue((long)value);");
        w.Line();
        w.Line($"public static string ToWireString({typeName} value) => ((long)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
    }
}
