using System.Globalization;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    private const string Union = "global::Apiforge.Runtime.ApiUnion";
    private const string UnionToken = "global::Apiforge.Runtime.ApiUnionToken";

    /// <summary>
    /// A union's JSON class: its alternatives as a table for the runtime's <c>ApiUnionReader</c> (which tries them on
    /// copies of the reader), after a discriminator that names an alternative; the writer writes whichever case is set.
    /// </summary>
    private static void WriteUnionConverter(SourceWriter w, string ns, TypeSpec type, string typeName)
    {
        w.Line($"private static readonly global::Apiforge.Runtime.ApiUnionReader<{typeName}> s_reader = new(");
        w.Indentation++;
        w.Line($"static unmatched => new {typeName}(unmatched){(type.Cases.Count == 0 ? ");" : ",")}");
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var c = type.Cases[i];
            var read = $"static (ref {Reader} r) => new {typeName}({ReadExpression(c.Type, ns, "r", 0)})";
            var end = i == type.Cases.Count - 1 ? ");" : ",";
            w.Line(c.IsClass
                ? $"{Union}.Class({read}, {ConverterName(ns, c.Type.Name)}.CountUnknownProperties){end}"
                : $"{Union}.Of({UnionToken}.{TokenOf(c.Type)}, {read}){end}");
        }
        w.Indentation--;
        w.Line();
        if (type.Discriminator is not { Mapping.Count: > 0 })
        {
            w.Line($"public static {typeName} ReadValue(ref {Reader} reader) => s_reader.Read(ref reader);");
        }
        else
        {
            w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
            w.OpenBrace();
            WriteDiscriminatorDispatch(w, type, tokenChecked: false, c =>
                $"new {typeName}({ConverterName(ns, c.TypeName)}.ReadValue(ref reader))");
            w.Line("return s_reader.Read(ref reader);");
            w.CloseBrace();
        }
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value)");
        w.OpenBrace();
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var c = type.Cases[i];
            var local = "case" + i.ToString(CultureInfo.InvariantCulture);
            w.Line($"{(i == 0 ? "" : "else ")}if (value.{c.Name} is {{ }} {local}) {{ {WriteValueInline(c.Type, ns, "writer", local, 0)} }}");
        }
        w.Line($"{(type.Cases.Count == 0 ? "" : "else ")}if (value.Unmatched is {{ }} unmatched) unmatched.WriteTo(writer);");
        w.Line("else writer.WriteNullValue();");
        w.CloseBrace();
    }

    /// <summary>The JSON tokens an alternative can start with; <c>Any</c> where its own reader decides.</summary>
    private static string TokenOf(TypeRef type) => type.Kind switch
    {
        TypeRefKind.List => "Array",
        TypeRefKind.Map => "Object",
        TypeRefKind.Primitive => type.Name switch
        {
            PrimitiveNames.Boolean => "Boolean",
            PrimitiveNames.Int32 or PrimitiveNames.Int64 or PrimitiveNames.Single or PrimitiveNames.Double or PrimitiveNames.Decimal or PrimitiveNames.UnixTime
                => "Number",
            _ => "String",
        },
        // Generated types may be classes, enums or unions: their own reader decides.
        _ => "Any",
    };
}
