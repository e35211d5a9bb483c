using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>Emits one file per generated type: the type itself and its JSON reader/writer.</summary>
internal static partial class ModelEmitter
{
    private static readonly string GeneratedCode = GeneratorInfo.GeneratedCodeAttribute;
    private const string DeprecatedMessage = "Deprecated in the API description.";

    public static string Emit(TypeOutputSpec output)
    {
        var ns = output.Namespace;
        var type = output.Type;
        var w = new SourceWriter { DocBaseUri = output.DocBaseUri };
        w.Lines(CSharp.Header);
        w.Line($"namespace {ns}");
        w.OpenBrace();
        switch (type.Kind)
        {
            case TypeSpecKind.Object:
                WriteClass(w, ns, type);
                break;
            case TypeSpecKind.StringEnum:
                WriteStringEnum(w, type);
                break;
            case TypeSpecKind.IntegerEnum:
                WriteIntegerEnum(w, type);
                break;
            default:
                WriteUnion(w, ns, type);
                break;
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
        CSharp.DocSummaryOrNone(w, type.Description);
        // A deprecated type keeps a plain class: [Obsolete] goes on its public constructor, so that the generated
        // members that mention the type stay warning-free while code that creates one is warned.
        if (type.Deprecated) w.Line("/// <remarks>Deprecated in the API description.</remarks>");
        w.Line(GeneratedCode);
        var baseClause = type.BaseTypeName is null ? "" : $" : global::{ns}.{type.BaseTypeName}";
        w.Line($"public partial class {type.Name}{baseClause}");
        w.OpenBrace();
        var first = true;
        if (HasObsoleteConstructor(type))
        {
            w.Line($"/// <summary>Creates an empty <see cref=\"{type.Name}\"/>.</summary>");
            w.Line($"[global::System.Obsolete({CSharp.Literal(DeprecatedMessage)})]");
            w.Line($"public {type.Name}() {{ }}");
            w.Line();
            w.Line("/// <summary>Used by the generated serializer, which must not trip the deprecation warning.</summary>");
            w.Line("/// <param name=\"serializer\">Ignored.</param>");
            w.Line($"internal {type.Name}(bool serializer) {{ _ = serializer; }}");
            first = false;
        }
        foreach (var p in type.Properties)
        {
            if (p.Inherited) continue;
            if (!first) w.Line();
            first = false;
            CSharp.DocSummaryOrNone(w, p.Description);
            if (p.ReadOnly) w.Line("/// <remarks>Read-only: the API sends it and ignores it in requests.</remarks>");
            else if (p.WriteOnly) w.Line("/// <remarks>Write-only: the API accepts it and never sends it back.</remarks>");
            var typeName = CSharp.TypeName(p.Type, ns, p.IsNullable);
            var initializer = Initializer(p, ns);
            if (p.Deprecated)
            {
                // The generated serializer uses the field: only user code sees the deprecation.
                w.Line($"[global::System.Obsolete({CSharp.Literal(DeprecatedMessage)})]");
                w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({CSharp.Literal(p.JsonName)})]");
                w.Line($"public {typeName} {p.Name} {{ get => {p.FieldName}; set => {p.FieldName} = value; }}");
                w.Line();
                w.Line($"/// <summary>Backing field of <c>{p.Name}</c>.</summary>");
                w.Line($"internal {typeName} {p.FieldName}{(initializer.Length > 0 ? initializer : ";")}");
                continue;
            }
            w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({CSharp.Literal(p.JsonName)})]");
            w.Line($"public {(p.IsRequiredMember ? "required " : "")}{typeName} {p.Name} {{ get; set; }}{initializer}");
        }
        if (type.ExtensionDataName is not null && type.DeclaresExtensionData)
        {
            if (!first) w.Line();
            w.Line("/// <summary>Properties the API sent that the description does not list; they are written back as they came.</summary>");
            w.Line("[global::System.Text.Json.Serialization.JsonExtensionData]");
            w.Line($"public global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? {type.ExtensionDataName} {{ get; set; }}");
        }
        w.CloseBrace();
    }

    /// <summary>A deprecated class without derived classes (whose constructors would call it) gets an obsolete constructor.</summary>
    public static bool HasObsoleteConstructor(TypeSpec type) => type.Deprecated && type.DerivedTypes.Count == 0 && type.Kind == TypeSpecKind.Object;

    /// <summary><c> = value;</c> for a property with a default, or what a backing field needs; empty otherwise.</summary>
    private static string Initializer(PropertySpec p, string ns)
    {
        var value = DefaultExpression(p, ns);
        return value is null ? "" : $" = {value};";
    }

    public static string? DefaultExpression(PropertySpec p, string ns)
    {
        if (p.Default is not { } d || p.IsRequiredMember) return null;
        return d.Kind switch
        {
            DefaultValueKind.String => CSharp.Literal(d.Value),
            DefaultValueKind.Boolean => d.Value,
            DefaultValueKind.EnumMember => $"global::{ns}.{p.Type.Name}.{d.Value}",
            _ => p.Type.Name switch
            {
                PrimitiveNames.Int64 => d.Value + "L",
                PrimitiveNames.Single => d.Value + "F",
                PrimitiveNames.Decimal => d.Value + "M",
                PrimitiveNames.Double => d.Value.Contains('.') || d.Value.Contains('E') ? d.Value : d.Value + "D",
                _ => d.Value,
            },
        };
    }

    private static void WriteStringEnum(SourceWriter w, TypeSpec type)
    {
        var name = type.Name;
        CSharp.DocSummaryOrNone(w, type.Description);
        w.Line("/// <remarks>");
        w.Line("/// An extensible enum: the listed values are static properties, and a value the API adds later is kept as it");
        w.Line("/// came (see <see cref=\"IsKnown\"/>) instead of failing the whole response.");
        if (type.Deprecated) w.Line("/// Deprecated in the API description.");
        w.Line("/// </remarks>");
        w.Line(GeneratedCode);
        w.Line($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        w.OpenBrace();
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line($"/// <summary>A value of <see cref=\"{name}\"/>; one the description does not list is kept as it is.</summary>");
        w.Line("/// <param name=\"value\">The value on the wire.</param>");
        w.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var member in type.Members)
        {
            w.Line();
            CSharp.DocSummaryOrNone(w, MemberDoc(member, CSharp.Literal(member.JsonValue)));
            w.Line($"public static {name} {member.Name} {{ get; }} = new {name}({CSharp.Literal(member.JsonValue)});");
        }
        w.Line();
        w.Line("/// <summary>The value on the wire.</summary>");
        w.Line("public string Value => _value ?? \"\";");
        w.Line();
        WriteKnownValues(w, type);
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.Line("/// <summary>The value on the wire.</summary>");
        w.Line("/// <returns>The value on the wire.</returns>");
        w.Line("public override string ToString() => Value;");
        w.Line();
        w.Line("/// <summary>Whether two values are the same wire value.</summary>");
        w.Line("/// <param name=\"left\">A value.</param>");
        w.Line("/// <param name=\"right\">Another value.</param>");
        w.Line("/// <returns>Whether they are equal.</returns>");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Whether two values differ.</summary>");
        w.Line("/// <param name=\"left\">A value.</param>");
        w.Line("/// <param name=\"right\">Another value.</param>");
        w.Line("/// <returns>Whether they differ.</returns>");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <summary>The value for a wire string.</summary>");
        w.Line("/// <param name=\"value\">The value on the wire.</param>");
        w.Line($"public static explicit operator {name}(string value) => new {name}(value);");
        w.CloseBrace();
    }

    private static void WriteIntegerEnum(SourceWriter w, TypeSpec type)
    {
        CSharp.DocSummaryOrNone(w, type.Description);
        w.Line("/// <remarks>A number the description does not list is kept as an unnamed value of the enum.</remarks>");
        w.Line(GeneratedCode);
        w.Line($"public enum {type.Name} : long");
        w.OpenBrace();
        foreach (var member in type.Members)
        {
            CSharp.DocSummaryOrNone(w, MemberDoc(member, member.JsonValue));
            w.Line($"{member.Name} = {member.IntegerValue.ToString(CultureInfo.InvariantCulture)},");
        }
        w.CloseBrace();
    }

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
