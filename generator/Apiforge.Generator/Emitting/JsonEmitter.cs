using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Emits System.Text.Json serialization code written by Apiforge itself: one static reader/writer class per
/// generated type, and one <c>IJsonTypeInfoResolver</c> per client. No reflection, and nothing left for the
/// System.Text.Json source generator to fill in (it never sees this generator's output).
/// </summary>
internal static partial class JsonEmitter
{
    private const string Runtime = "global::Apiforge.Runtime.ApiJson";
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string Values = "global::Apiforge.Runtime.ApiJsonValues";
    private const string WireFormats = "global::Apiforge.Runtime.ApiWireFormats";

    public static string ConverterName(string ns, string typeName) => $"global::{ns}.Serialization.{typeName}Json";

    // ------------------------------------------------------------ per type

    public static void WriteConverter(SourceWriter w, string ns, TypeSpec type)
    {
        var typeName = $"global::{ns}.{type.Name}";
        w.Line($"/// <summary>Reads and writes <see cref=\"{typeName}\"/> as JSON.</summary>");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"internal static class {type.Name}Json");
        w.OpenBrace();
        switch (type.Kind)
        {
            case TypeSpecKind.Object:
                WriteObjectConverter(w, ns, type, typeName);
                break;
            case TypeSpecKind.StringEnum:
                WriteStringEnumConverter(w, type, typeName);
                break;
            case TypeSpecKind.IntegerEnum:
                WriteIntegerEnumConverter(w, type, typeName);
                break;
            default:
                WriteUnionConverter(w, ns, type, typeName);
                break;
        }
        w.CloseBrace();
    }

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

    private static void WriteStringEnumConverter(SourceWriter w, TypeSpec type, string typeName)
    {
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        w.Line($"if (reader.TokenType != {TokenType}.String) {Runtime}.ThrowUnexpectedToken(ref reader, {CSharp.Literal(type.Name)});");
        // Small enums hand back their shared instances without allocating; large ones are not worth the code.
        if (type.Members.Count <= 16)
        {
            foreach (var member in type.Members)
            {
                w.Line($"if (reader.ValueTextEquals({CSharp.Utf8Literal(member.JsonValue)})) return {typeName}.{member.Name};");
            }
        }
        w.Line("// A value the description does not list is kept as it came.");
        w.Line($"return new {typeName}(reader.GetString()!);");
        w.CloseBrace();
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value) => writer.WriteStringValue(value.Value);");
        w.Line();
        w.Line($"/// <summary>The value as it is written on the wire: in JSON, query strings, paths and headers.</summary>");
        w.Line($"public static string ToWireString({typeName} value) => value.Value;");
    }

    private static void WriteIntegerEnumConverter(SourceWriter w, TypeSpec type, string typeName)
    {
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        w.Line($"if (reader.TokenType != {TokenType}.Number) {Runtime}.ThrowUnexpectedToken(ref reader, {CSharp.Literal(type.Name)});");
        w.Line("// A number the description does not list is kept as an unnamed value.");
        w.Line($"return ({typeName})reader.GetInt64();");
        w.CloseBrace();
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value) => writer.WriteNumberValue((long)value);");
        w.Line();
        w.Line($"public static string ToWireString({typeName} value) => ((long)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
    }

    private static void WriteUnionConverter(SourceWriter w, string ns, TypeSpec type, string typeName)
    {
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        WriteDiscriminatorDispatch(w, type, tokenChecked: false, c =>
            $"new {typeName}({ConverterName(ns, c.TypeName)}.ReadValue(ref reader))");
        // Class alternatives: tried best match first (fewest properties they do not know), on a copy of the reader.
        var classes = type.Cases.Where(c => c.IsClass).ToList();
        if (classes.Count > 0)
        {
            w.Line($"if (reader.TokenType == {TokenType}.StartObject)");
            w.OpenBrace();
            w.Line($"global::System.Span<int> unknown = stackalloc int[{classes.Count.ToString(CultureInfo.InvariantCulture)}];");
            for (var k = 0; k < classes.Count; k++)
            {
                w.Line($"unknown[{k.ToString(CultureInfo.InvariantCulture)}] = {ConverterName(ns, classes[k].Type.Name)}.CountUnknownProperties(reader);");
            }
            w.Line("for (var attempt = 0; attempt < unknown.Length; attempt++)");
            w.OpenBrace();
            w.Line("var best = -1;");
            w.Line("for (var k = 0; k < unknown.Length; k++)");
            w.OpenBrace();
            w.Line("if (unknown[k] >= 0 && (best < 0 || unknown[k] < unknown[best])) best = k;");
            w.CloseBrace();
            w.Line("unknown[best] = -1;");
            w.Line("var copy = reader;");
            w.Line("try");
            w.OpenBrace();
            w.Line("switch (best)");
            w.OpenBrace();
            for (var k = 0; k < classes.Count; k++)
            {
                w.Line($"case {k.ToString(CultureInfo.InvariantCulture)}:");
                w.OpenBrace();
                w.Line($"var value = {ConverterName(ns, classes[k].Type.Name)}.ReadValue(ref copy);");
                w.Line("reader = copy;");
                w.Line($"return new {typeName}(value);");
                w.CloseBrace();
            }
            w.CloseBrace();
            w.CloseBrace();
            WriteMismatchCatches(w);
            w.CloseBrace();
            w.CloseBrace();
        }
        // Then every other alternative whose JSON kind fits, in order.
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var c = type.Cases[i];
            if (c.IsClass) continue;
            var condition = TokenCondition(c.Type);
            if (condition is not null) w.Line($"if ({condition})");
            w.OpenBrace();
            w.Line("var copy = reader;");
            w.Line("try");
            w.OpenBrace();
            w.Line($"var value{i} = {ReadExpression(c.Type, ns, "copy", 0)};");
            w.Line("reader = copy;");
            w.Line($"return new {typeName}(value{i});");
            w.CloseBrace();
            WriteMismatchCatches(w);
            w.CloseBrace();
        }
        w.Line($"return new {typeName}(global::System.Text.Json.JsonElement.ParseValue(ref reader));");
        w.CloseBrace();
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value)");
        w.OpenBrace();
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var c = type.Cases[i];
            w.Line($"if (value.{c.Name} is {{ }} case{i})");
            w.OpenBrace();
            w.Line(WriteValueInline(c.Type, ns, "writer", "case" + i.ToString(CultureInfo.InvariantCulture), 0));
            w.Line("return;");
            w.CloseBrace();
        }
        w.Line("if (value.Unmatched is { } unmatched)");
        w.OpenBrace();
        w.Line("unmatched.WriteTo(writer);");
        w.Line("return;");
        w.CloseBrace();
        w.Line("writer.WriteNullValue();");
        w.CloseBrace();
    }

    /// <summary>What a reader throws when the JSON is not its alternative: the union goes on to the next one.</summary>
    private static void WriteMismatchCatches(SourceWriter w)
    {
        w.Line("catch (global::System.Text.Json.JsonException) { }");
        w.Line("catch (global::System.InvalidOperationException) { }");
        w.Line("catch (global::System.FormatException) { }");
    }

    /// <summary>The JSON token kinds an alternative can start with, as a condition on <c>reader</c>; null for any.</summary>
    private static string? TokenCondition(TypeRef type)
    {
        var token = "reader.TokenType";
        return type.Kind switch
        {
            TypeRefKind.List => $"{token} == {TokenType}.StartArray",
            TypeRefKind.Map => $"{token} == {TokenType}.StartObject",
            TypeRefKind.Primitive => type.Name switch
            {
                PrimitiveNames.Boolean => $"{token} is {TokenType}.True or {TokenType}.False",
                PrimitiveNames.Int32 or PrimitiveNames.Int64 or PrimitiveNames.Single or PrimitiveNames.Double or PrimitiveNames.Decimal or PrimitiveNames.UnixTime
                    => $"{token} == {TokenType}.Number",
                _ => $"{token} == {TokenType}.String",
            },
            // Generated types may be classes, enums or unions: their own reader decides.
            _ => null,
        };
    }

    // ------------------------------------------------------------ values

    /// <summary>An expression reading a value of <paramref name="type"/> at the reader's current token.</summary>
    public static string ReadExpression(TypeRef type, string ns, string reader, int depth)
    {
        var core = type.Kind switch
        {
            TypeRefKind.Object or TypeRefKind.Enum => $"{ConverterName(ns, type.Name)}.ReadValue(ref {reader})",
            TypeRefKind.List => $"{Runtime}.ReadList(ref {reader}, {ReaderDelegate(type.Element!, ns, depth + 1)})",
            TypeRefKind.Map => $"{Runtime}.ReadDictionary(ref {reader}, {ReaderDelegate(type.Element!, ns, depth + 1)})",
            TypeRefKind.Any => $"global::System.Text.Json.JsonElement.ParseValue(ref {reader})",
            _ => PrimitiveRead(type.Name, reader),
        };
        if (!type.Nullable) return core;
        return $"({reader}.TokenType == {TokenType}.Null ? ({CSharp.TypeName(type, ns, nullable: true)})null : {core})";
    }

    private static string PrimitiveRead(string name, string reader) => name switch
    {
        PrimitiveNames.String => $"{Runtime}.ReadString(ref {reader})",
        PrimitiveNames.Boolean => $"{reader}.GetBoolean()",
        PrimitiveNames.Int32 => $"{reader}.GetInt32()",
        PrimitiveNames.Int64 => $"{reader}.GetInt64()",
        PrimitiveNames.Single => $"{reader}.GetSingle()",
        PrimitiveNames.Double => $"{reader}.GetDouble()",
        PrimitiveNames.Decimal => $"{reader}.GetDecimal()",
        PrimitiveNames.DateTimeOffset => $"{Values}.ReadDateTimeOffset(ref {reader})",
        PrimitiveNames.DateOnly => $"{Runtime}.ReadDateOnly(ref {reader})",
        PrimitiveNames.TimeOnly => $"{Values}.ReadTimeOnly(ref {reader})",
        PrimitiveNames.DateAsDateTime => $"global::Apiforge.Runtime.ApiDates.ReadDate(ref {reader})",
        PrimitiveNames.TimeAsTimeSpan => $"global::Apiforge.Runtime.ApiDates.ReadTimeOfDay(ref {reader})",
        PrimitiveNames.TimeSpan => $"{Values}.ReadDuration(ref {reader})",
        PrimitiveNames.Guid => $"{reader}.GetGuid()",
        PrimitiveNames.Uri => $"{Runtime}.ReadUri(ref {reader})",
        PrimitiveNames.Bytes => $"{reader}.GetBytesFromBase64()",
        PrimitiveNames.DateTimeRfc1123 => $"{WireFormats}.ReadRfc1123(ref {reader})",
        PrimitiveNames.UnixTime => $"{WireFormats}.ReadUnixTime(ref {reader})",
        PrimitiveNames.Base64Url => $"{WireFormats}.ReadBase64Url(ref {reader})",
        _ => $"{Runtime}.ReadString(ref {reader})",
    };

    private static string ReaderDelegate(TypeRef type, string ns, int depth)
    {
        if (!type.Nullable)
        {
            switch (type.Kind)
            {
                case TypeRefKind.Object:
                case TypeRefKind.Enum:
                    return $"{ConverterName(ns, type.Name)}.ReadValue";
            }
        }
        var r = "r" + depth.ToString(CultureInfo.InvariantCulture);
        return $"static (ref {Reader} {r}) => {ReadExpression(type, ns, r, depth)}";
    }

    private static string WriterDelegate(TypeRef type, string ns, int depth)
    {
        if (!type.Nullable && type.Kind is TypeRefKind.Object or TypeRefKind.Enum)
        {
            return $"{ConverterName(ns, type.Name)}.WriteValue";
        }
        var suffix = depth.ToString(CultureInfo.InvariantCulture);
        return $"static (w{suffix}, v{suffix}) => {{ {WriteValueInline(type, ns, "w" + suffix, "v" + suffix, depth)} }}";
    }

    /// <summary>Statements writing <paramref name="value"/> (of <paramref name="type"/>) with <c>writer</c>.</summary>
    public static void WriteValueStatements(SourceWriter w, TypeRef type, string ns, string value, int depth)
        => w.Line(WriteValueInline(type, ns, "writer", value, depth));

    internal static string WriteValueInline(TypeRef type, string ns, string writer, string value, int depth)
    {
        if (type.Nullable)
        {
            var inner = WriteValueInline(type.WithNullable(false), ns, writer, type.IsValueType ? value + ".Value" : value, depth);
            return $"if ({value} is null) {writer}.WriteNullValue(); else {{ {inner} }}";
        }
        return type.Kind switch
        {
            TypeRefKind.Object or TypeRefKind.Enum => $"{ConverterName(ns, type.Name)}.WriteValue({writer}, {value});",
            TypeRefKind.List => $"{Runtime}.WriteList({writer}, {value}, {WriterDelegate(type.Element!, ns, depth + 1)});",
            TypeRefKind.Map => $"{Runtime}.WriteDictionary({writer}, {value}, {WriterDelegate(type.Element!, ns, depth + 1)});",
            TypeRefKind.Any => $"{value}.WriteTo({writer});",
            _ => PrimitiveWrite(type.Name, writer, value),
        };
    }

    private static string PrimitiveWrite(string name, string writer, string value) => name switch
    {
        PrimitiveNames.Boolean => $"{writer}.WriteBooleanValue({value});",
        PrimitiveNames.Int32 or PrimitiveNames.Int64 or PrimitiveNames.Single or PrimitiveNames.Double or PrimitiveNames.Decimal
            => $"{writer}.WriteNumberValue({value});",
        PrimitiveNames.DateOnly => $"{Runtime}.WriteDateOnly({writer}, {value});",
        PrimitiveNames.DateTimeOffset => $"{Values}.WriteDateTimeOffset({writer}, {value});",
        PrimitiveNames.TimeOnly => $"{Values}.WriteTimeOnly({writer}, {value});",
        PrimitiveNames.DateAsDateTime => $"global::Apiforge.Runtime.ApiDates.WriteDate({writer}, {value});",
        PrimitiveNames.TimeAsTimeSpan => $"global::Apiforge.Runtime.ApiDates.WriteTimeOfDay({writer}, {value});",
        PrimitiveNames.TimeSpan => $"{Values}.WriteDuration({writer}, {value});",
        PrimitiveNames.Uri => $"{writer}.WriteStringValue({value}.OriginalString);",
        PrimitiveNames.Bytes => $"{writer}.WriteBase64StringValue({value});",
        PrimitiveNames.DateTimeRfc1123 => $"{WireFormats}.WriteRfc1123({writer}, {value});",
        PrimitiveNames.UnixTime => $"{WireFormats}.WriteUnixTime({writer}, {value});",
        PrimitiveNames.Base64Url => $"{WireFormats}.WriteBase64Url({writer}, {value});",
        _ => $"{writer}.WriteStringValue({value});",
    };

    // ------------------------------------------------------------ context

    public static string EmitContext(ClientSpec client)
    {
        var ns = client.Namespace;
        var w = new SourceWriter();
        w.Lines(CSharp.Header);
        w.Line($"namespace {ns};");
        w.Line();
        w.Line($"/// <summary>");
        w.Line($"/// System.Text.Json metadata for every type of <see cref=\"{client.ClientName}\"/>, written without reflection:");
        w.Line($"/// use <see cref=\"Options\"/> or a property such as <c>Default.SomeType</c> with <c>JsonSerializer</c>.");
        w.Line($"/// </summary>");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"public sealed partial class {client.ContextName} : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        w.OpenBrace();
        w.Line($"private static global::System.Text.Json.JsonSerializerOptions? s_options;");
        w.Line();
        w.Line($"/// <summary>The shared instance.</summary>");
        w.Line($"public static {client.ContextName} Default {{ get; }} = new {client.ContextName}();");
        w.Line();
        w.Line($"/// <summary>Read-only serializer options that resolve this client's types through <see cref=\"Default\"/>.</summary>");
        w.Line($"public static global::System.Text.Json.JsonSerializerOptions Options => s_options ??= CreateOptions();");
        w.Line();
        w.Line($"private static global::System.Text.Json.JsonSerializerOptions CreateOptions()");
        w.OpenBrace();
        w.Line("var options = new global::System.Text.Json.JsonSerializerOptions { TypeInfoResolver = Default };");
        w.Line("options.MakeReadOnly();");
        w.Line("return options;");
        w.CloseBrace();
        for (var i = 0; i < client.JsonTypes.Count; i++)
        {
            var spec = client.JsonTypes[i];
            var typeName = CSharp.TypeName(spec.Type, ns, false);
            w.Line();
            w.Line($"private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{typeName}>? _t{i};");
            w.Line($"/// <summary>Metadata for <c>{CSharp.XmlText(typeName)}</c>.</summary>");
            w.Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{typeName}> {spec.PropertyName} => _t{i} ??= {(UsesWireFormat(spec.Type) ? OwnValueInfo(spec.Type, ns) : $"(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{typeName}>)Options.GetTypeInfo(typeof({typeName}))")};");
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        w.OpenBrace();
        foreach (var spec in JsonTypesByRuntimeType(client.JsonTypes))
        {
            var typeName = CSharp.TypeName(spec.Type, ns, false);
            var read = spec.Type.Kind is TypeRefKind.Object or TypeRefKind.Enum
                ? $"{ConverterName(ns, spec.Type.Name)}.ReadValue"
                : $"static (ref {Reader} reader) => {ReadExpression(spec.Type, ns, "reader", 0)}";
            var write = WriterDelegate(spec.Type, ns, 0);
            w.Line($"if (type == typeof({typeName}))");
            w.OpenBrace();
            w.Line($"return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{typeName}>(options, new global::Apiforge.Runtime.DelegateJsonConverter<{typeName}>(");
            w.Indentation++;
            w.Line($"{read},");
            w.Line($"{write}));");
            w.Indentation--;
            w.CloseBrace();
        }
        w.Line("return null;");
        w.CloseBrace();
        w.CloseBrace();
        return w.ToString();
    }
}
