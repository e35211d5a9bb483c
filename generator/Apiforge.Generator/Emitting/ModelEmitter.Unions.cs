using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class ModelEmitter
{
    /// <summary>
    /// A union: one read-only property per alternative (exactly one set), a constructor and an implicit conversion per
    /// alternative, and <c>Unmatched</c> for JSON no alternative reads. Reading lives in the runtime's <c>ApiUnionReader</c>.
    /// </summary>
    private static void WriteUnion(SourceWriter w, string ns, TypeSpec type)
    {
        var name = type.Name;
        CSharp.DocSummaryOrNone(w, type.Description);
        var order = type.Discriminator is { } d
            ? $"chosen by the {CSharp.XmlText(CSharp.Literal(d.PropertyName))} property when it names one"
            : "tried in the order the description lists them";
        w.Line($"/// <remarks>Exactly one case property is set: the first alternative the JSON matched ({order}); JSON no alternative");
        w.Line($"/// matches is kept in <see cref=\"Unmatched\"/> and written back as it came.{(type.Deprecated ? " Deprecated in the API description." : "")}</remarks>");
        w.Line(GeneratedCode);
        w.Line($"public sealed partial class {name}");
        w.OpenBrace();
        foreach (var c in type.Cases)
        {
            var check = c.Type.IsValueType ? "" : " ?? throw new global::System.ArgumentNullException(nameof(value))";
            w.Line($"/// <summary>A <see cref=\"{name}\"/> holding a {CSharp.XmlText(c.Name)}.</summary>");
            w.Line($"public {name}({CSharp.TypeName(c.Type, ns, false)} value) => {c.Name} = value{check};");
        }
        if (!type.Cases.Any(c => c.Type.Kind == TypeRefKind.Any))
        {
            w.Line("/// <summary>JSON that matched no alternative, kept as it came.</summary>");
            w.Line($"public {name}(global::System.Text.Json.JsonElement unmatched) => Unmatched = unmatched;");
        }
        w.Line();
        foreach (var c in type.Cases)
        {
            w.Line($"/// <summary>The value, when it is a {CSharp.XmlText(c.Name)}.</summary>");
            w.Line($"public {CSharp.TypeName(c.Type, ns, true)} {c.Name} {{ get; }}");
        }
        w.Line("/// <summary>The JSON, when it matched no alternative.</summary>");
        w.Line("public global::System.Text.Json.JsonElement? Unmatched { get; }");
        w.Line();
        w.Line("/// <summary>Whichever value is set.</summary>");
        w.Line("public object? Value => " + string.Concat(type.Cases.Select(c => $"(object?){c.Name} ?? ")) + "Unmatched;");
        foreach (var c in type.Cases)
        {
            if (c.Type.Kind == TypeRefKind.Any) continue;
            w.Line($"/// <summary>Wraps a {CSharp.XmlText(c.Name)}.</summary>");
            w.Line($"public static implicit operator {name}({CSharp.TypeName(c.Type, ns, false)} value) => new(value);");
        }
        w.CloseBrace();
    }
}
