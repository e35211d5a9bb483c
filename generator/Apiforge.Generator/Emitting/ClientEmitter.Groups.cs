using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// GroupBy="Tag": per group an interface <c>I{Client}{Group}</c> and a class nested in the client that implements its
/// operations; the root client gets a property per group and keeps the operations without a tag.
/// </summary>
internal static partial class ClientEmitter
{
    /// <summary>The operations the root client declares itself: all of them, or with groups those without a tag.</summary>
    private static IEnumerable<OperationSpec> RootOperations(ClientSpec client)
    {
        if (client.Groups.Count == 0) return client.Operations;
        var grouped = new HashSet<int>(client.Groups.SelectMany(g => g.Members).Select(m => m.OperationIndex));
        return client.Operations.Where((_, i) => !grouped.Contains(i));
    }

    /// <summary>The operation as its group declares it: the same request, the method names of the group.</summary>
    private static OperationSpec InGroup(ClientSpec client, GroupMemberSpec member)
    {
        var operation = client.Operations[member.OperationIndex];
        var response = operation.Response;
        if (response.Events is { } events)
        {
            response = response with { Events = events with { MethodName = response.Kind == ResponseKind.Events ? member.MethodName : member.StreamMethodName ?? events.MethodName } };
        }
        return operation with { MethodName = member.MethodName, ResponseMethodName = member.ResponseMethodName, Response = response };
    }

    private static void WriteGroups(SourceWriter w, ClientSpec client, Dictionary<TypeRef, string> typeInfoNames, HashSet<string> validated)
    {
        if (client.Groups.Count == 0) return;
        var ns = client.Namespace;
        foreach (var group in client.Groups)
        {
            w.Line();
            CSharp.DocElement(w, "summary", $"The operations tagged '{group.Tag}' ({client.ClientName}.{group.PropertyName}).");
            w.Line(GeneratorInfo.GeneratedCodeAttribute);
            w.Line($"public partial interface {group.InterfaceName}");
            w.OpenBrace();
            var first = true;
            foreach (var member in group.Members)
            {
                if (!first) w.Line();
                first = false;
                WriteInterfaceOperation(w, InGroup(client, member), ns);
            }
            w.CloseBrace();
        }

        w.Line();
        w.Line($"public partial interface I{client.ClientName}");
        w.OpenBrace();
        var firstProperty = true;
        foreach (var group in client.Groups)
        {
            if (!firstProperty) w.Line();
            firstProperty = false;
            CSharp.DocElement(w, "summary", $"The operations tagged '{group.Tag}'.");
            w.Line($"{group.InterfaceName} {group.PropertyName} {{ get; }}");
        }
        w.CloseBrace();

        w.Line();
        w.Line($"public partial class {client.ClientName}");
        w.OpenBrace();
        for (var i = 0; i < client.Groups.Count; i++)
        {
            var group = client.Groups[i];
            var field = "__group" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (i > 0) w.Line();
            w.Line($"private {group.ClassName}? {field};");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public {group.InterfaceName} {group.PropertyName} => {field} ??= new {group.ClassName}(_httpClient);");
        }
        foreach (var group in client.Groups)
        {
            w.Line();
            CSharp.DocElement(w, "summary", $"The operations tagged '{group.Tag}', over the client's HttpClient.");
            w.Line(GeneratorInfo.GeneratedCodeAttribute);
            w.Line($"public sealed partial class {group.ClassName} : {group.InterfaceName}");
            w.OpenBrace();
            w.Line($"private readonly {Http}.HttpClient _httpClient;");
            w.Line();
            w.Line($"internal {group.ClassName}({Http}.HttpClient httpClient)");
            w.OpenBrace();
            w.Line("_httpClient = httpClient;");
            w.CloseBrace();
            foreach (var member in group.Members)
            {
                WriteClassOperation(w, client, InGroup(client, member), typeInfoNames, validated);
            }
            w.CloseBrace();
        }
        w.CloseBrace();
    }

    /// <summary>An operation's declarations in an interface (the root client's or a group's).</summary>
    private static void WriteInterfaceOperation(SourceWriter w, OperationSpec operation, string ns)
    {
        if (operation.Response.Kind == ResponseKind.Events)
        {
            WriteEventStreamDeclaration(w, operation, ns);
            return;
        }
        WriteDocs(w, operation, withResponse: false);
        if (operation.Deprecated) w.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        w.Line($"{Signature(operation, ns, withResponse: false)};");
        if (HasResponseMethod(operation))
        {
            w.Line();
            WriteDocs(w, operation, withResponse: true);
            if (operation.Deprecated) w.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
            w.Line($"{Signature(operation, ns, withResponse: true)};");
        }
        if (HasStreamVariant(operation))
        {
            w.Line();
            WriteEventStreamDeclaration(w, operation, ns);
        }
    }

    /// <summary>An operation's implementations in a class (the root client or a group).</summary>
    private static void WriteClassOperation(SourceWriter w, ClientSpec client, OperationSpec operation, Dictionary<TypeRef, string> typeInfoNames, HashSet<string> validated)
    {
        var ns = client.Namespace;
        if (operation.Response.Kind == ResponseKind.Events)
        {
            WriteEventStreamImplementation(w, client, operation, typeInfoNames, validated);
            return;
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        if (operation.Deprecated) w.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        if (!HasResponseMethod(operation))
        {
            w.Line($"public async {Signature(operation, ns, withResponse: false)}");
            w.OpenBrace();
            WriteBody(w, client, operation, typeInfoNames, validated);
            w.CloseBrace();
        }
        else
        {
            var arguments = string.Join(", ", SignatureParameters(operation, ns).Select(p => p.Name).Concat(new[] { "options", "cancellationToken" }));
            var call = $"{operation.ResponseMethodName}({arguments})";
            if (operation.Response.Kind == ResponseKind.None)
            {
                w.Line($"public {Signature(operation, ns, withResponse: false)} => {call};");
            }
            else
            {
                w.Line($"public async {Signature(operation, ns, withResponse: false)}");
                w.Line($"    => (await {call}.ConfigureAwait(false)).Value;");
            }
            w.Line();
            w.Line("/// <inheritdoc/>");
            if (operation.Deprecated) w.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
            w.Line($"public async {Signature(operation, ns, withResponse: true)}");
            w.OpenBrace();
            WriteBody(w, client, operation, typeInfoNames, validated);
            w.CloseBrace();
        }
        if (HasStreamVariant(operation)) WriteEventStreamImplementation(w, client, operation, typeInfoNames, validated);
    }
}
