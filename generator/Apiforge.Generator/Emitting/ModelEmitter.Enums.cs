using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class ModelEmitter
{
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
}
