using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
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
