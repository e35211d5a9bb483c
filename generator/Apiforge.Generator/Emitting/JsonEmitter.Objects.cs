using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    private static void WriteDiscriminatorDispatch(SourceWriter w, TypeSpec type, bool tokenChecked, System.Func<DiscriminatorCaseSpec, string> read)
    {
        if (type.Discriminator is not { Mapping.Count: > 0 } discriminator) return;
        if (!tokenChecked)
        {
            w.Line($"if (reader.TokenType == {TokenType}.StartObject)");
            w.OpenBrace();
        }
        w.Line($"switch ({Values}.PeekDiscriminator(reader, {CSharp.Utf8Literal(discriminator.PropertyName)}))");
        w.OpenBrace();
        foreach (var c in discriminator.Mapping)
        {
            w.Line($"case {CSharp.Literal(c.Value)}:");
            w.Indentation++;
            w.Line($"return {read(c)};");
            w.Indentation--;
        }
        w.CloseBrace();
        if (!tokenChecked) w.CloseBrace();
    }

    private static void WriteObjectConverter(SourceWriter w, string ns, TypeSpec type, string typeName)
    {
        var properties = type.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].ReadOnly) continue;
            w.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_name{i} = global::System.Text.Json.JsonEncodedText.Encode({CSharp.Literal(properties[i].JsonName)});");
        }
        if (properties.Count > 0) w.Line();

        // Read: a discriminator value naming a derived class hands the object to that class's reader.
        var dispatches = type.Discriminator is { Mapping.Count: > 0 };
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        if (dispatches)
        {
            w.Line($"if (reader.TokenType != {TokenType}.StartObject) {Runtime}.ThrowUnexpectedToken(ref reader, {CSharp.Literal(type.Name)});");
            WriteDiscriminatorDispatch(w, type, tokenChecked: true, c => $"{ConverterName(ns, c.TypeName)}.ReadValue(ref reader)");
            w.Line("return ReadProperties(ref reader);");
            w.CloseBrace();
            w.Line();
            w.Line($"private static {typeName} ReadProperties(ref {Reader} reader)");
            w.OpenBrace();
        }
        else
        {
            w.Line($"if (reader.TokenType != {TokenType}.StartObject) {Runtime}.ThrowUnexpectedToken(ref reader, {CSharp.Literal(type.Name)});");
        }
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var localType = CSharp.TypeName(p.Type, ns, nullable: !p.Type.IsValueType || !p.MustBeRead || p.Type.Nullable);
            // Defaults initialize new objects only: what the server left out stays left out, so JSON round-trips as it came.
            w.Line($"{localType} p{i} = default;");
            if (NeedsSetFlag(type, p)) w.Line($"bool p{i}Set = false;");
        }
        if (type.ExtensionDataName is not null)
        {
            w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? extra = null;");
        }
        w.Line($"while (reader.Read() && reader.TokenType != {TokenType}.EndObject)");
        w.OpenBrace();
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var readType = p.MustBeRead ? p.Type : p.Type.WithNullable(true);
            w.Line($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({CSharp.Utf8Literal(p.JsonName)}))");
            w.OpenBrace();
            w.Line("reader.Read();");
            w.Line($"p{i} = {ReadExpression(readType, ns, "reader", 0)};");
            if (NeedsSetFlag(type, p)) w.Line($"p{i}Set = true;");
            w.CloseBrace();
        }
        var elsePrefix = properties.Count > 0 ? "else" : "";
        if (elsePrefix.Length > 0) w.Line(elsePrefix);
        w.OpenBrace();
        if (type.ExtensionDataName is not null)
        {
            w.Line("var name = reader.GetString()!;");
            w.Line("reader.Read();");
            w.Line("(extra ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>(global::System.StringComparer.Ordinal))[name] = global::System.Text.Json.JsonElement.ParseValue(ref reader);");
        }
        else
        {
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
        }
        w.CloseBrace();
        w.CloseBrace();
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            if (!ChecksPresence(type, p)) continue;
            var condition = NeedsSetFlag(type, p) ? $"!p{i}Set" : $"p{i} is null";
            if (KnownValue(type, p, ns) is { } known) w.Line($"if ({condition}) p{i} = {known};");
            else w.Line($"if ({condition}) {Runtime}.ThrowMissingProperty(ref reader, {CSharp.Literal(type.Name)}, {CSharp.Literal(p.JsonName)});");
        }
        w.Line(ModelEmitter.HasObsoleteConstructor(type) ? $"return new {typeName}(serializer: true)" : $"return new {typeName}");
        w.OpenBrace();
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var bang = !p.IsNullable && !p.Type.IsValueType ? "!" : "";
            w.Line($"{(p.Deprecated ? p.FieldName : p.Name)} = p{i}{bang},");
        }
        if (type.ExtensionDataName is not null) w.Line($"{type.ExtensionDataName} = extra,");
        w.CloseBrace(";");
        w.CloseBrace();
        w.Line();

        // How many of the object's properties this type does not know: unions rank their class alternatives by it.
        w.Line($"public static int CountUnknownProperties({Reader} reader)");
        w.OpenBrace();
        w.Line("var unknown = 0;");
        w.Line($"while (reader.Read() && reader.TokenType == {TokenType}.PropertyName)");
        w.OpenBrace();
        if (properties.Count == 0)
        {
            w.Line("unknown++;");
        }
        else
        {
            w.Line("if (!(" + string.Join(" || ", properties.Select(p => $"reader.ValueTextEquals({CSharp.Utf8Literal(p.JsonName)})")) + ")) unknown++;");
        }
        w.Line("reader.Read();");
        w.Line("reader.Skip();");
        w.CloseBrace();
        w.Line("return unknown;");
        w.CloseBrace();
        w.Line();

        // Write: an instance of a derived class is written by that class's writer, so nothing it adds is lost.
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value)");
        w.OpenBrace();
        foreach (var derived in type.DerivedTypes)
        {
            w.Line($"if (value is global::{ns}.{derived} __{derived})");
            w.OpenBrace();
            w.Line($"{ConverterName(ns, derived)}.WriteValue(writer, __{derived});");
            w.Line("return;");
            w.CloseBrace();
        }
        w.Line("writer.WriteStartObject();");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            // readOnly is response-only ("SHOULD NOT be sent as part of the request"; servers refuse it: "id is readonly").
            if (p.ReadOnly) continue;
            var access = "value." + (p.Deprecated ? p.FieldName : p.Name);
            if (!p.IsNullable || (p.IsRequiredMember && p.Type.Nullable))
            {
                w.Line($"writer.WritePropertyName(s_name{i});");
                WriteValueStatements(w, p.Type, ns, access, 0);
            }
            else
            {
                w.Line($"if ({access} is not null)");
                w.OpenBrace();
                w.Line($"writer.WritePropertyName(s_name{i});");
                WriteValueStatements(w, p.Type.WithNullable(false), ns, p.Type.IsValueType ? access + ".Value" : access, 0);
                w.CloseBrace();
            }
        }
        if (type.ExtensionDataName is not null)
        {
            w.Line($"if (value.{type.ExtensionDataName} is {{ }} extra)");
            w.OpenBrace();
            w.Line("foreach (var pair in extra)");
            w.OpenBrace();
            w.Line("writer.WritePropertyName(pair.Key);");
            w.Line("pair.Value.WriteTo(writer);");
            w.CloseBrace();
            w.CloseBrace();
        }
        w.Line("writer.WriteEndObject();");
        w.CloseBrace();
    }

    /// <summary>Required value-type properties need a flag: their default is a legal value.</summary>
    private static bool NeedsSetFlag(TypeSpec type, PropertySpec p) => ChecksPresence(type, p) && (p.Type.IsValueType || p.Type.Nullable);
}
