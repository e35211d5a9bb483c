using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class ModelEmitter
{
    /// <summary>
    /// A string enum: a struct over its wire string, whose listed values are static properties and a nested enum
    /// <c>Known</c>. The lookup and the reading live in the runtime (<c>ApiEnumValues</c>, held by the JSON class), so each
    /// enum declares only what a struct cannot inherit.
    /// </summary>
    private static void WriteStringEnum(SourceWriter w, string ns, TypeSpec type)
    {
        var name = type.Name;
        CSharp.DocSummaryOrNone(w, type.Description);
        var deprecated = type.Deprecated ? " Deprecated in the API description." : "";
        w.Line($"/// <remarks>An extensible enum: a value the API adds later is kept as it came (see <see cref=\"IsKnown\"/>).{deprecated}</remarks>");
        w.Line(GeneratedCode);
        w.Line($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        w.OpenBrace();
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line("/// <summary>The value for a wire string, listed or not.</summary>");
        w.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.Line();
        foreach (var member in type.Members)
        {
            CSharp.DocSummaryOrNone(w, MemberDoc(member, CSharp.Literal(member.JsonValue)));
            // A struct over a literal: reading a property allocates nothing, and there is no static state to initialize.
            w.Line($"public static {name} {member.Name} => new({CSharp.Literal(member.JsonValue)});");
        }
        w.Line("/// <summary>The value on the wire.</summary>");
        w.Line("public string Value => _value ?? \"\";");
        w.Line();
        WriteKnownValues(w, ns, type);
        w.Line("/// <inheritdoc/>");
        w.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line("/// <summary>The value on the wire.</summary>");
        w.Line("public override string ToString() => Value;");
        w.Line("/// <summary>Whether two values are the same wire value.</summary>");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line("/// <summary>Whether two values differ.</summary>");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Line("/// <summary>The value for a wire string.</summary>");
        w.Line($"public static explicit operator {name}(string value) => new(value);");
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
}
