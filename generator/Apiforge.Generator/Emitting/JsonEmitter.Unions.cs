using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    private static void WriteUnionConverter(SourceWriter w, string ns, TypeSpec type, string typeName)
    {
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        WriteDiscriminatorDispatch(w, type, tokenChecked: false, c =>
            $"new {typeName}({ConverterName(ns, c.TypeName)}.ReadValue(ref reader))");
        // Class alternatives: tried best match first (fewest properties they do not know), on a copy of the reader.
        var classes = type.Cases.Where(c => c.IsClass).ToList();
        if (classes.Count > 0)
        {
            w.Line($"if (reader.TokenType == {TokenType}.StartObject)");
            w.OpenBrace();
            w.Line($"global::System.Span<int> unknown = stackalloc int[{classes.Count.ToString(CultureInfo.InvariantCulture)}];");
            for (var k = 0; k < classes.Count; k++)
            {
                w.Line($"unknown[{k.ToString(CultureInfo.InvariantCulture)}] = {ConverterName(ns, classes[k].Type.Name)}.CountUnknownProperties(reader);");
            }
            w.Line("for (var attempt = 0; attempt < unknown.Length; attempt++)");
            w.OpenBrace();
            w.Line("var best = -1;");
            w.Line("for (var k = 0; k < unknown.Length; k++)");
            w.OpenBrace();
            w.Line("if (unknown[k] >= 0 && (best < 0 || unknown[k] < unknown[best])) best = k;");
            w.CloseBrace();
            w.Line("unknown[best] = -1;");
            w.Line("var copy = reader;");
            w.Line("try");
            w.OpenBrace();
            w.Line("switch (best)");
            w.OpenBrace();
            for (var k = 0; k < classes.Count; k++)
            {
                w.Line($"case {k.ToString(CultureInfo.InvariantCulture)}:");
                w.OpenBrace();
                w.Line($"var value = {ConverterName(ns, classes[k].Type.Name)}.ReadValue(ref copy);");
                w.Line("reader = copy;");
                w.Line($"return new {typeName}(value);");
                w.CloseBrace();
            }
            w.CloseBrace();
            w.CloseBrace();
            WriteMismatchCatches(w);
            w.CloseBrace();
            w.CloseBrace();
        }
        // Then every other alternative whose JSON kind fits, in order.
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var c = type.Cases[i];
            if (c.IsClass) continue;
            var condition = TokenCondition(c.Type);
            if (condition is not null) w.Line($"if ({condition})");
            w.OpenBrace();
            w.Line("var copy = reader;");
            w.Line("try");
            w.OpenBrace();
            w.Line($"var value{i} = {ReadExpression(c.Type, ns, "copy", 0)};");
            w.Line("reader = copy;");
            w.Line($"return new {typeName}(value{i});");
            w.CloseBrace();
            WriteMismatchCatches(w);
            w.CloseBrace();
        }
        w.Line($"return new {typeName}(global::System.Text.Json.JsonElement.ParseValue(ref reader));");
        w.CloseBrace();
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value)");
        w.OpenBrace();
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var c = type.Cases[i];
            w.Line($"if (value.{c.Name} is {{ }} case{i})");
            w.OpenBrace();
            w.Line(WriteValueInline(c.Type, ns, "writer", "case" + i.ToString(CultureInfo.InvariantCulture), 0));
            w.Line("return;");
            w.CloseBrace();
        }
        w.Line("if (value.Unmatched is { } unmatched)");
        w.OpenBrace();
        w.Line("unmatched.WriteTo(writer);");
        w.Line("return;");
        w.CloseBrace();
        w.Line("writer.WriteNullValue();");
        w.CloseBrace();
    }

    /// <summary>What a reader throws when the JSON is not its alternative: the union goes on to the next one.</summary>
    private static void WriteMismatchCatches(SourceWriter w)
    {
        w.Line("catch (global::System.Text.Json.JsonException) { }");
        w.Line("catch (global::System.InvalidOperationException) { }");
        w.Line("catch (global::System.FormatException) { }");
    }

    /// <summary>The JSON token kinds an alternative can start with, as a condition on <c>reader</c>; null for any.</summary>
    private static string? TokenCondition(TypeRef type)
    {
        var token = "reader.TokenType";
        return type.Kind switch
        {
            TypeRefKind.List => $"{token} == {TokenType}.StartArray",
            TypeRefKind.Map => $"{token} == {TokenType}.StartObject",
            TypeRefKind.Primitive => type.Name switch
            {
                PrimitiveNames.Boolean => $"{token} is {TokenType}.True or {TokenType}.False",
                PrimitiveNames.Int32 or PrimitiveNames.Int64 or PrimitiveNames.Single or PrimitiveNames.Double or PrimitiveNames.Decimal or PrimitiveNames.UnixTime
                    => $"{token} == {TokenType}.Number",
                _ => $"{token} == {TokenType}.String",
            },
            // Generated types may be classes, enums or unions: their own reader decides.
            _ => null,
        };
    }
}
