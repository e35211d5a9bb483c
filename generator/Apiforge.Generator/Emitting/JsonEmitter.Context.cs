using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// The JSON context: <c>Default</c>, <c>Options</c>, one <c>JsonTypeInfo&lt;T&gt;</c> property per type and the resolver's
/// <c>GetTypeInfo</c>, each entry one call into <c>ApiJsonMetadata</c>. The properties keep what they resolved in one
/// array, so an entry declares no field of its own.
/// </summary>
internal static partial class JsonEmitter
{
    private const string JsonOptions = "global::System.Text.Json.JsonSerializerOptions";

    public static string EmitContext(ClientSpec client)
    {
        var ns = client.Namespace;
        var w = new SourceWriter();
        w.Lines(CSharp.Header);
        w.Line($"namespace {ns};");
        w.Line();
        foreach (var alias in Aliases) w.Line(alias);
        w.Line();
        w.Lines($$"""
            /// <summary>
            /// System.Text.Json metadata for every type of <see cref="{{client.ClientName}}"/>, written without reflection:
            /// use <see cref="Options"/> or a property such as <c>Default.SomeType</c> with <c>JsonSerializer</c>.
            /// </summary>
            {{GeneratorInfo.GeneratedCodeAttribute}}
            public sealed partial class {{client.ContextName}} : {{MetadataAlias}}::IJsonTypeInfoResolver
            {
                private static {{JsonOptions}}? s_options;

                private readonly {{JsonTypeInfo}}?[] _infos = new {{JsonTypeInfo}}?[{{client.JsonTypes.Count}}];

                /// <summary>The shared instance.</summary>
                public static {{client.ContextName}} Default { get; } = new {{client.ContextName}}();

                /// <summary>Read-only serializer options that resolve this client's types through <see cref="Default"/>.</summary>
                public static {{JsonOptions}} Options => s_options ??= CreateOptions();

                private static {{JsonOptions}} CreateOptions()
                {
                    var options = new {{JsonOptions}} { TypeInfoResolver = Default };
                    options.MakeReadOnly();
                    return options;
                }

            """);
        w.Indentation++;
        for (var i = 0; i < client.JsonTypes.Count; i++)
        {
            var spec = client.JsonTypes[i];
            var typeName = InNamespace(CSharp.TypeName(spec.Type, ns, false), ns);
            var entry = UsesWireFormat(spec.Type)
                ? $"{ApiJsonMetadata}.Own<{typeName}>(_infos, {i}, Options, {ReadDelegate(spec.Type.WithNullable(false), ns)}, {WriterDelegate(spec.Type.WithNullable(false), ns, 0)})"
                : $"{ApiJsonMetadata}.Resolve<{typeName}>(_infos, {i}, Options)";
            w.Line($"/// <summary>Metadata for <c>{CSharp.XmlText(ShortName(typeName))}</c>.</summary>");
            w.Line($"public {JsonTypeInfo}<{typeName}> {spec.PropertyName} => {entry};");
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public {JsonTypeInfo}? GetTypeInfo(global::System.Type type, {JsonOptions} options)");
        w.OpenBrace();
        foreach (var spec in JsonTypesByRuntimeType(client.JsonTypes))
        {
            var typeName = InNamespace(CSharp.TypeName(spec.Type, ns, false), ns);
            w.Line($"if (type == typeof({typeName})) return {ApiJsonMetadata}.Create<{typeName}>(options, {ReadDelegate(spec.Type, ns)}, {WriterDelegate(spec.Type, ns, 0)});");
        }
        w.Line("return null;");
        w.CloseBrace();
        w.CloseBrace();
        return w.ToString();
    }

    /// <summary>The reader of a context entry: an object's or enum's own, else a lambda over the read expression.</summary>
    private static string ReadDelegate(TypeRef type, string ns)
        => type.Kind is TypeRefKind.Object or TypeRefKind.Enum
            ? $"{ConverterName(ns, type.Name)}.ReadValue"
            : $"static (ref {Reader} reader) => {ReadExpression(type, ns, "reader", 0)}";

    /// <summary>
    /// A type name for the type positions of the context (property types, type arguments, <c>typeof</c>): a model type
    /// of the namespace by its simple name. The context class declares no nested types, so in those positions the
    /// simple name finds the namespace's type (members that are not types are not looked at there).
    /// </summary>
    private static string InNamespace(string typeName, string ns)
        => System.Text.RegularExpressions.Regex.Replace(typeName, "global::" + System.Text.RegularExpressions.Regex.Escape(ns) + @"\.(?=[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_.]))", "");

    /// <summary>A type name for the docs, without the <c>global::</c> qualifiers.</summary>
    private static string ShortName(string typeName)
        => typeName.Replace("global::System.Collections.Generic.", "").Replace("global::", "");
}
