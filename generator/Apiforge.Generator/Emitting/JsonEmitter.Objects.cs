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
        w.Line($"switch ({Runtime}.PeekDiscriminator(reader, {CSharp.Utf8Literal(discriminator.PropertyName)}))");
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
        var names = properties.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", properties.Select(p => CSharp.Literal(p.JsonName))) + " }";
        // A required property with only one possible value takes it when left out (KnownValue) instead of failing.
        var required = Enumerable.Range(0, properties.Count)
            .Where(i => ChecksPresence(type, properties[i]) && KnownValue(type, properties[i], ns) is null)
            .Select(i => ", " + Number(i));
        w.Line($"private static readonly global::Apiforge.Runtime.ApiJsonProperties s_names = new({CSharp.Literal(type.Name)}, {names}{string.Concat(required)});");
        w.Line();

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
        w.Line("var seen = s_names.Start(ref reader);");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var localType = CSharp.TypeName(p.Type, ns, nullable: !p.Type.IsValueType || !p.MustBeRead || p.Type.Nullable);
            // Defaults initialize new objects only: what the server left out stays left out, so JSON round-trips as it came.
            var initial = ChecksPresence(type, p) ? KnownValue(type, p, ns) ?? "default" : "default";
            w.Line($"{localType} p{i} = {initial};");
        }
        var extensionData = type.ExtensionDataName is not null;
        if (extensionData)
        {
            w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? extra = null;");
        }
        var next = extensionData ? "s_names.Next(ref reader, ref seen, ref extra, out " : "s_names.Next(ref reader, ref seen, out ";
        if (properties.Count == 0)
        {
            w.Line($"while ({next}_)) {{ }}");
        }
        else
        {
            w.Line($"while ({next}var index))");
            w.OpenBrace();
            w.Line("switch (index)");
            w.OpenBrace();
            for (var i = 0; i < properties.Count; i++)
            {
                var p = properties[i];
                var readType = p.MustBeRead ? p.Type : p.Type.WithNullable(true);
                w.Line($"case {Number(i)}: p{i} = {Shorten(ReadExpression(readType, ns, "reader", 0), ns)}; break;");
            }
            w.CloseBrace();
            w.CloseBrace();
        }
        if (required.Any()) w.Line("s_names.ThrowIfMissing(ref reader, seen);");
        w.Line(ModelEmitter.HasObsoleteConstructor(type) ? $"return new {typeName}(serializer: true)" : $"return new {typeName}");
        w.OpenBrace();
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var bang = !p.IsNullable && !p.Type.IsValueType ? "!" : "";
            w.Line($"{(p.Deprecated ? p.FieldName : p.Name)} = p{i}{bang},");
        }
        if (extensionData) w.Line($"{type.ExtensionDataName} = extra,");
        w.CloseBrace(";");
        w.CloseBrace();
        w.Line();

        // How many of the object's properties this type does not know: unions rank their class alternatives by it.
        w.Line($"public static int CountUnknownProperties({Reader} reader) => s_names.CountUnknown(reader);");
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
            w.Line(Shorten(WritePropertyStatement(p, ns, $"s_names[{Number(i)}]", "value." + (p.Deprecated ? p.FieldName : p.Name)), ns));
        }
        if (extensionData) w.Line($"WriteExtensionData(writer, value.{type.ExtensionDataName});");
        w.Line("writer.WriteEndObject();");
        w.CloseBrace();
    }

    /// <summary>
    /// One runtime call writing a property: left out when it is optional and null, written as null when it is
    /// required and nullable.
    /// </summary>
    private static string WritePropertyStatement(PropertySpec p, string ns, string name, string access)
    {
        var optional = p.IsNullable && !(p.IsRequiredMember && p.Type.Nullable);
        var type = p.Type.WithNullable(false);
        if (type.Kind == TypeRefKind.Primitive && Primitive.Of(type.Name).PropertyWriter is { } writer)
        {
            // Named per type (WriteInt64Property, not WriteProperty): a call then binds to its one candidate.
            var kind = optional ? "Optional" : p.IsNullable && type.IsValueType ? "Nullable" : "";
            return $"{Runtime}.Write{kind}{writer}Property(writer, {name}, {access});";
        }
        var optionalPrefix = optional ? "Optional" : "";
        if (type.Kind is TypeRefKind.List or TypeRefKind.Map)
        {
            // The collection's own property call with the element's writer: a lambda writing the collection inside a
            // WriteProperty call costs the compiler a nested lambda binding (5% of Stripe's compile, 177 string lists alone).
            var collection = type.Kind == TypeRefKind.List ? "List" : "Dictionary";
            var element = type.Element!;
            return element is { Kind: TypeRefKind.Primitive, Nullable: false } && element.Name == PrimitiveNames.String
                ? $"{Runtime}.Write{optionalPrefix}String{collection}Property(writer, {name}, {access});"
                : $"{Runtime}.Write{optionalPrefix}{collection}Property(writer, {name}, {access}, {WriterDelegate(element, ns, 1)});";
        }
        var method = type.IsValueType
            ? (optional ? "WriteOptionalValueProperty" : "WriteValueProperty")
            : (optional ? "WriteOptionalProperty" : "WriteProperty");
        return $"{Runtime}.{method}(writer, {name}, {access}, {WriterDelegate(type, ns, 1)});";
    }

    /// <summary>
    /// <paramref name="code"/> as an object converter writes it: the converter derives from <c>ApiJson</c>, so its
    /// helpers are inherited members (found before anything a namespace declares), and a converter of the same
    /// namespace is found by its simple name before any outer name (the converter's own members are never named
    /// <c>…Json</c>).
    /// </summary>
    private static string Shorten(string code, string ns)
        => code.Replace(Runtime + ".", "").Replace("global::" + ns + ".Serialization.", "");

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}
