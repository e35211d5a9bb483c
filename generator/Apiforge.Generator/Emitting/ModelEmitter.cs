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
                WriteStringEnum(w, ns, type);
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
}
