using System.Globalization;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>Emits one file per generated type: the type itself and its JSON reader/writer.</summary>
internal static class ModelEmitter
{
    public static string Emit(TypeOutputSpec output)
    {
        var ns = output.Namespace;
        var type = output.Type;
        var w = new SourceWriter();
        w.Lines(CSharp.Header);
        w.Line($"namespace {ns}");
        w.OpenBrace();
        if (type.Kind == TypeSpecKind.Object)
        {
            WriteClass(w, ns, type);
        }
        else
        {
            WriteEnum(w, type);
        }
        w.CloseBrace();
        w.Line();
        w.Line($"namespace {ns}.Serialization");
        w.OpenBrace();
        JsonEmitter.WriteConverter(w, ns, type);
        w.CloseBrace();
        return w.ToString();
    }

    private static void WriteClass(SourceWriter w, string ns, TypeSpec type)
    {
        CSharp.DocElement(w, "summary", type.Description ?? $"The {type.Name} object of the API.");
        if (type.Deprecated) w.Line("/// <remarks>Deprecated in the API description.</remarks>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Apiforge\", \"1.0\")]");
        w.Line($"public partial class {type.Name}");
        w.OpenBrace();
        var first = true;
        foreach (var p in type.Properties)
        {
            if (!first) w.Line();
            first = false;
            CSharp.DocElement(w, "summary", p.Description ?? $"The JSON property {CSharp.Literal(p.JsonName)}.");
            if (p.Deprecated) w.Line("/// <remarks>Deprecated in the API description.</remarks>");
            w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({CSharp.Literal(p.JsonName)})]");
            var nullable = !p.Required || p.Type.Nullable;
            var typeName = CSharp.TypeName(p.Type, ns, nullable);
            w.Line($"public {(p.Required ? "required " : "")}{typeName} {p.Name} {{ get; set; }}");
        }
        if (type.ExtensionDataName is not null)
        {
            if (!first) w.Line();
            w.Line("/// <summary>Properties the API sent that the description does not list; they are written back as they came.</summary>");
            w.Line("[global::System.Text.Json.Serialization.JsonExtensionData]");
            w.Line($"public global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? {type.ExtensionDataName} {{ get; set; }}");
        }
        w.CloseBrace();
    }

    private static void WriteEnum(SourceWriter w, TypeSpec type)
    {
        CSharp.DocElement(w, "summary", type.Description ?? $"The values of {type.Name}.");
        if (type.Deprecated) w.Line("/// <remarks>Deprecated in the API description.</remarks>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Apiforge\", \"1.0\")]");
        var integer = type.Kind == TypeSpecKind.IntegerEnum;
        w.Line($"public enum {type.Name}{(integer ? " : long" : "")}");
        w.OpenBrace();
        foreach (var member in type.Members)
        {
            CSharp.DocElement(w, "summary", "JSON value: " + (integer ? member.JsonValue : CSharp.Literal(member.JsonValue)));
            w.Line($"{member.Name} = {member.IntegerValue.ToString(CultureInfo.InvariantCulture)},");
        }
        w.CloseBrace();
    }
}
