using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class ModelEmitter
{
    private static void WriteUnion(SourceWriter w, string ns, TypeSpec type)
    {
        var name = type.Name;
        CSharp.DocSummaryOrNone(w, type.Description);
        w.Line("/// <remarks>");
        w.Line("/// Exactly one of the case properties is set: the first alternative the JSON matched");
        w.Line(type.Discriminator is { } d
            ? $"/// (chosen by the {CSharp.XmlText(CSharp.Literal(d.PropertyName))} property when it names one)."
            : "/// (tried in the order the description lists them).");
        w.Line("/// JSON no alternative matches is kept in <see cref=\"Unmatched\"/> and written back as it came.");
        if (type.Deprecated) w.Line("/// Deprecated in the API description.");
        w.Line("/// </remarks>");
        w.Line(GeneratedCode);
        w.Line($"public sealed partial class {name}");
        w.OpenBrace();
        foreach (var c in type.Cases)
        {
            var caseType = CSharp.TypeName(c.Type, ns, false);
            w.Line($"/// <summary>A <see cref=\"{name}\"/> holding a {CSharp.XmlText(c.Name)}.</summary>");
            w.Line("/// <param name=\"value\">The value.</param>");
            w.Line($"public {name}({caseType} value)");
            w.OpenBrace();
            w.Line($"{c.Name} = value{(c.Type.IsValueType ? "" : " ?? throw new global::System.ArgumentNullException(nameof(value))")};");
            w.CloseBrace();
            w.Line();
        }
        if (!type.Cases.Any(c => c.Type.Kind == TypeRefKind.Any))
        {
            w.Line("/// <summary>JSON that matched no alternative.</summary>");
            w.Line("/// <param name=\"unmatched\">The JSON as it came.</param>");
            w.Line($"public {name}(global::System.Text.Json.JsonElement unmatched) => Unmatched = unmatched;");
        }
        foreach (var c in type.Cases)
        {
            w.Line();
            w.Line($"/// <summary>The value, when it is a {CSharp.XmlText(c.Name)}.</summary>");
            w.Line($"public {CSharp.TypeName(c.Type, ns, true)} {c.Name} {{ get; }}");
        }
        w.Line();
        w.Line("/// <summary>The JSON, when it matched no alternative.</summary>");
        w.Line("public global::System.Text.Json.JsonElement? Unmatched { get; }");
        w.Line();
        w.Line("/// <summary>Whichever value is set.</summary>");
        w.Line("public object? Value");
        w.OpenBrace();
        w.Line("get");
        w.OpenBrace();
        foreach (var c in type.Cases) w.Line($"if ({c.Name} is {{ }} {Local(c)}) return {Local(c)};");
        w.Line("return Unmatched;");
        w.CloseBrace();
        w.CloseBrace();
        foreach (var c in type.Cases)
        {
            if (c.Type.Kind == TypeRefKind.Any) continue;
            w.Line();
            w.Line($"/// <summary>Wraps a {CSharp.XmlText(c.Name)}.</summary>");
            w.Line("/// <param name=\"value\">The value.</param>");
            w.Line($"public static implicit operator {name}({CSharp.TypeName(c.Type, ns, false)} value) => new {name}(value);");
        }
        w.CloseBrace();
    }

    private static string Local(UnionCaseSpec c) => "__" + c.Name;
}
