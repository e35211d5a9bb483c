using System.Globalization;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Emits System.Text.Json serialization code written by Apiforge itself: one static reader/writer class per
/// generated type, and one <c>IJsonTypeInfoResolver</c> per client. No reflection, and nothing left for the
/// System.Text.Json source generator to fill in (it never sees this generator's output).
/// </summary>
internal static class JsonEmitter
{
    private const string Runtime = "global::Apiforge.Runtime.ApiJson";
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    public static string ConverterName(string ns, string typeName) => $"global::{ns}.Serialization.{typeName}Json";

    // ------------------------------------------------------------ per type

    public static void WriteConverter(SourceWriter w, string ns, TypeSpec type)
    {
        var typeName = $"global::{ns}.{type.Name}";
        w.Line($"/// <summary>Reads and writes <see cref=\"{typeName}\"/> as JSON.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Apiforge\", \"1.0\")]");
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
            default:
                WriteIntegerEnumConverter(w, type, typeName);
                break;
        }
        w.CloseBrace();
    }

    private static void WriteObjectConverter(SourceWriter w, string ns, TypeSpec type, string typeName)
    {
        var properties = type.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            w.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_name{i} = global::System.Text.Json.JsonEncodedText.Encode({CSharp.Literal(properties[i].JsonName)});");
        }
        if (properties.Count > 0) w.Line();

        // Read
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        w.Line($"if (reader.TokenType != {TokenType}.StartObject) {Runtime}.ThrowUnexpectedToken(ref reader, {CSharp.Literal(type.Name)});");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var localType = CSharp.TypeName(p.Type, ns, nullable: !p.Type.IsValueType || !p.Required || p.Type.Nullable);
            w.Line($"{localType} p{i} = default;");
            if (NeedsSetFlag(p)) w.Line($"bool p{i}Set = false;");
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
            var readType = p.Required ? p.Type : p.Type.WithNullable(true);
            w.Line($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({CSharp.Utf8Literal(p.JsonName)}))");
            w.OpenBrace();
            w.Line("reader.Read();");
            w.Line($"p{i} = {ReadExpression(readType, ns, "reader", 0)};");
            if (NeedsSetFlag(p)) w.Line($"p{i}Set = true;");
            w.CloseBrace();
        }
        var elsePrefix = properties.Count > 0 ? "else" : "";
        if (type.ExtensionDataName is not null)
        {
            if (elsePrefix.Length > 0) w.Line(elsePrefix);
            w.OpenBrace();
            w.Line("var name = reader.GetString()!;");
            w.Line("reader.Read();");
            w.Line("(extra ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>(global::System.StringComparer.Ordinal))[name] = global::System.Text.Json.JsonElement.ParseValue(ref reader);");
            w.CloseBrace();
        }
        else
        {
            if (elsePrefix.Length > 0) w.Line(elsePrefix);
            w.OpenBrace();
            w.Line("reader.Read();");
            w.Line("reader.Skip();");
            w.CloseBrace();
        }
        w.CloseBrace();
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            if (!p.Required) continue;
            var condition = NeedsSetFlag(p) ? $"!p{i}Set" : $"p{i} is null";
            w.Line($"if ({condition}) {Runtime}.ThrowMissingProperty({CSharp.Literal(type.Name)}, {CSharp.Literal(p.JsonName)});");
        }
        w.Line($"return new {typeName}");
        w.OpenBrace();
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var bang = p.Required && !p.Type.Nullable && !p.Type.IsValueType ? "!" : "";
            w.Line($"{p.Name} = p{i}{bang},");
        }
        if (type.ExtensionDataName is not null) w.Line($"{type.ExtensionDataName} = extra,");
        w.CloseBrace(";");
        w.CloseBrace();
        w.Line();

        // Write
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value)");
        w.OpenBrace();
        w.Line("writer.WriteStartObject();");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var access = "value." + p.Name;
            if (p.Required)
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
    private static bool NeedsSetFlag(PropertySpec p) => p.Required && (p.Type.IsValueType || p.Type.Nullable);

    private static void WriteStringEnumConverter(SourceWriter w, TypeSpec type, string typeName)
    {
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        w.Line($"if (reader.TokenType != {TokenType}.String) {Runtime}.ThrowUnexpectedToken(ref reader, {CSharp.Literal(type.Name)});");
        foreach (var member in type.Members)
        {
            w.Line($"if (reader.ValueTextEquals({CSharp.Utf8Literal(member.JsonValue)})) return {typeName}.{member.Name};");
        }
        w.Line($"throw {Runtime}.UnknownEnumValue({CSharp.Literal(type.Name)}, reader.GetString());");
        w.CloseBrace();
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value) => writer.WriteStringValue(ToWireString(value));");
        w.Line();
        w.Line($"/// <summary>The value as it is written on the wire: in JSON, query strings, paths and headers.</summary>");
        w.Line($"public static string ToWireString({typeName} value) => value switch");
        w.OpenBrace();
        foreach (var member in type.Members)
        {
            w.Line($"{typeName}.{member.Name} => {CSharp.Literal(member.JsonValue)},");
        }
        w.Line($"_ => throw {Runtime}.UndefinedEnumValue({CSharp.Literal(type.Name)}, (long)value),");
        w.CloseBrace(";");
    }

    private static void WriteIntegerEnumConverter(SourceWriter w, TypeSpec type, string typeName)
    {
        w.Line($"public static {typeName} ReadValue(ref {Reader} reader)");
        w.OpenBrace();
        w.Line($"if (reader.TokenType != {TokenType}.Number) {Runtime}.ThrowUnexpectedToken(ref reader, {CSharp.Literal(type.Name)});");
        w.Line("return reader.GetInt64() switch");
        w.OpenBrace();
        foreach (var member in type.Members)
        {
            w.Line($"{member.IntegerValue.ToString(CultureInfo.InvariantCulture)}L => {typeName}.{member.Name},");
        }
        w.Line($"var other => throw {Runtime}.UnknownEnumValue({CSharp.Literal(type.Name)}, other.ToString(global::System.Globalization.CultureInfo.InvariantCulture)),");
        w.CloseBrace(";");
        w.CloseBrace();
        w.Line();
        w.Line($"public static void WriteValue({Writer} writer, {typeName} value) => writer.WriteNumberValue((long)value);");
        w.Line();
        w.Line($"public static string ToWireString({typeName} value) => ((long)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
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
        PrimitiveNames.DateTimeOffset => $"{reader}.GetDateTimeOffset()",
        PrimitiveNames.DateOnly => $"{Runtime}.ReadDateOnly(ref {reader})",
        PrimitiveNames.Guid => $"{reader}.GetGuid()",
        PrimitiveNames.Uri => $"{Runtime}.ReadUri(ref {reader})",
        PrimitiveNames.Bytes => $"{reader}.GetBytesFromBase64()",
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

    private static string WriteValueInline(TypeRef type, string ns, string writer, string value, int depth)
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
        PrimitiveNames.Uri => $"{writer}.WriteStringValue({value}.OriginalString);",
        PrimitiveNames.Bytes => $"{writer}.WriteBase64StringValue({value});",
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
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Apiforge\", \"1.0\")]");
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
            w.Line($"/// <summary>Metadata for <c>{XmlText(typeName)}</c>.</summary>");
            w.Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{typeName}> {spec.PropertyName} => _t{i} ??= (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{typeName}>)Options.GetTypeInfo(typeof({typeName}));");
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        w.OpenBrace();
        foreach (var spec in client.JsonTypes)
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

    private static string XmlText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
