using System;
using System.Collections.Generic;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// The names the emitters declare or refer to themselves, in one place: the builder reserves them before it names
/// anything from the document, so a schema, property, enum value, operation or option can never take one (it is
/// renamed with AF0013 instead, and the generated code compiles). When an emitter declares a new member or refers to
/// a new namespace, it belongs here.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>What every generated type inherits from <see cref="object"/>: a member of that name hides it (CS0108/CS0114).</summary>
    public static readonly string[] ObjectMembers =
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>
    /// What a string enum struct or a union class declares (with the object members): no member may take these, and no
    /// such type may be named like one (a type cannot declare a member of its own name, CS0542).
    /// </summary>
    public static readonly string[] ValueTypeMembers =
    {
        "Value", "IsKnown", "Unmatched", "Known", "KnownValue",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>What the JSON context declares next to its one property per type.</summary>
    public static readonly string[] ContextMembers =
    {
        "Default", "Options", "CreateOptions", "GetTypeInfo",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>The JSON context class of client <paramref name="clientName"/>.</summary>
    public static string JsonContext(string clientName) => clientName + "JsonContext";

    /// <summary>The types the outputs declare in the client's namespace besides the models.</summary>
    public static string[] ClientTypeNames(string clientName) => new[]
    {
        clientName,
        "I" + clientName,
        JsonContext(clientName),
        // Converters live in {Namespace}.Serialization: no type may take that name.
        "Serialization",
        // What the dependency injection output declares when the consumer references Microsoft.Extensions.Http.
        clientName + "Options",
        clientName + "ServiceCollectionExtensions",
    };

    /// <summary>Members the client class declares whatever the document: the class cannot be named like one (CS0542).</summary>
    public static readonly string[] ClientDeclaredMembers = { "DefaultBaseAddress" };

    /// <summary>What the client class declares or reserves besides its operations (methods are stored without their Async suffix).</summary>
    public static readonly string[] ClientMembers =
    {
        "Dispose", "HttpClient", "BaseAddress", "DefaultBaseAddress",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>
    /// Namespaces and types the generated code names with <c>global::</c>. In a generated namespace that is a prefix of
    /// one (<c>Namespace="System"</c>), a generated type named like the next part (<c>Text</c>, <c>Uri</c>) would make
    /// <c>global::System.Text.Json</c> bind to it (CS0437, CS0426): those type names are reserved there.
    /// </summary>
    private static readonly string[] s_qualifiedNames =
    {
        "Apiforge.Runtime",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Http", "Microsoft.Extensions.Options",
        "System.Action", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
        "System.Array", "System.Attribute", "System.Boolean", "System.Buffers", "System.Byte", "System.CodeDom.Compiler.GeneratedCode",
        "System.Collections.Generic", "System.ComponentModel", "System.Convert", "System.DateOnly", "System.DateTime", "System.DateTimeOffset",
        "System.Decimal", "System.Diagnostics.CodeAnalysis", "System.Double", "System.Exception", "System.FormatException", "System.Func",
        "System.Globalization.CultureInfo", "System.Guid", "System.IDisposable", "System.IEquatable", "System.IO.Stream",
        "System.IServiceProvider", "System.Int32", "System.Int64", "System.InvalidOperationException", "System.Linq.Enumerable",
        "System.Math", "System.Net.Http", "System.Net.HttpStatusCode", "System.Nullable", "System.Object", "System.Obsolete",
        "System.ReadOnlySpan", "System.Runtime.CompilerServices", "System.Single", "System.Span", "System.String", "System.StringComparer",
        "System.StringComparison", "System.Text.Json", "System.Text.Encoding", "System.Threading.CancellationToken", "System.Threading.Tasks",
        "System.TimeOnly", "System.TimeSpan", "System.Type", "System.Uri", "System.UriKind",
    };

    /// <summary>The type names that would shadow a namespace or type the generated code refers to, in namespace <paramref name="ns"/>.</summary>
    public static IEnumerable<string> ShadowingTypeNames(string ns)
    {
        var prefix = ns + ".";
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in s_qualifiedNames)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = name.Substring(prefix.Length);
            var dot = rest.IndexOf('.');
            result.Add(dot < 0 ? rest : rest.Substring(0, dot));
        }
        return result;
    }
}
