using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class ModelEmitter
{
    /// <summary>
    /// The listed values of a string enum as a nested C# enum <c>Known</c>, and <c>KnownValue</c> mapping the wire value
    /// onto it: the static properties cannot be <c>case</c> labels (CS9135), the enum members can, and a switch expression
    /// over <c>KnownValue</c> is checked for exhaustiveness (CS8509 names the value a switch forgot).
    /// </summary>
    private static void WriteKnownValues(SourceWriter w, string ns, TypeSpec type)
    {
        w.Line("/// <summary>The values the API description lists, usable as <c>case</c> labels (see <see cref=\"KnownValue\"/>).</summary>");
        w.Line("public enum Known");
        w.OpenBrace();
        foreach (var member in type.Members)
        {
            w.Line("///");
            w.Line($"{member.Name},");
        }
        w.CloseBrace();
        w.Line();
        // The runtime table lists the wire values in the order of the Known members: a value's position is its member.
        w.Line("/// <summary>The value as a <see cref=\"Known\"/> member; null for a value the API description does not list.</summary>");
        w.Line($"public Known? KnownValue => (Known?){JsonEmitter.ConverterName(ns, type.Name)}.Values.Find(_value);");
        w.Line("/// <summary>Whether the API description lists this value.</summary>");
        w.Line("public bool IsKnown => KnownValue.HasValue;");
    }

    /// <summary>An enum member's description; the wire value only where the C# name does not already say it.</summary>
    private static string? MemberDoc(EnumMemberSpec member, string wireText)
    {
        var value = member.Name == member.JsonValue ? null : "JSON value " + MarkdownDoc.Escape(wireText) + ".";
        if (member.Description is null) return value;
        return value is null ? member.Description : member.Description + "\n" + value;
    }
}
