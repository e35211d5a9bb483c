using System.Collections.Generic;
using System.Linq;
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
        // Many entries are split into methods of TypeInfoChunk: the compiler's cost of one method grows faster than its
        // length, and one method of Stripe's 1,147 entries took 7% of compiling the whole client.
        var entries = JsonTypesByRuntimeType(client.JsonTypes).ToList();
        var chunks = entries.Count <= TypeInfoChunk ? 1 : (entries.Count + TypeInfoChunk - 1) / TypeInfoChunk;
        w.Line("/// <inheritdoc/>");
        w.Line($"public {JsonTypeInfo}? GetTypeInfo(global::System.Type type, {JsonOptions} options)");
        if (chunks == 1)
        {
            WriteTypeInfoEntries(w, entries, ns);
        }
        else
        {
            w.Indentation++;
            w.Line("=> " + string.Join(" ?? ", Enumerable.Range(0, chunks).Select(c => $"{ChunkMethod(c)}(type, options)")) + ";");
            w.Indentation--;
            for (var c = 0; c < chunks; c++)
            {
                w.Line();
                w.Line($"private static {JsonTypeInfo}? {ChunkMethod(c)}(global::System.Type type, {JsonOptions} options)");
                WriteTypeInfoEntries(w, entries.Skip(c * TypeInfoChunk).Take(TypeInfoChunk), ns);
            }
        }
        w.CloseBrace();
        return w.ToString();
    }

    private static void WriteTypeInfoEntries(SourceWriter w, IEnumerable<JsonTypeInfoSpec> entries, string ns)
    {
        w.OpenBrace();
        foreach (var spec in entries)
        {
            var typeName = InNamespace(CSharp.TypeName(spec.Type, ns, false), ns);
            w.Line($"if (type == typeof({typeName})) return {ApiJsonMetadata}.Create<{typeName}>(options, {ReadDelegate(spec.Type, ns)}, {WriterDelegate(spec.Type, ns, 0)});");
        }
        w.Line("return null;");
        w.CloseBrace();
    }

    private const int TypeInfoChunk = 64;

    /// <summary>A chunk of <c>GetTypeInfo</c>: the leading underscores keep it apart from every type's property (spec names are Pascal words).</summary>
    private static string ChunkMethod(int chunk) => "__GetTypeInfo" + chunk.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
