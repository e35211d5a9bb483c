using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// GroupBy="Tag": per group an interface <c>I{Client}{Group}</c> and a class nested in the client that implements its
/// operations; the root client gets a property per group and keeps the operations without a tag.
/// </summary>
internal static partial class ClientEmitter
{
    /// <summary>The operations the root client declares itself: all of them, or with groups those without a tag.</summary>
    private static IEnumerable<OperationSpec> RootOperations(ClientSpec client)
        => RootOperationIndices(client).Select(i => client.Operations[i]);

    /// <summary>The places of the root operations in the client's operations.</summary>
    private static IEnumerable<int> RootOperationIndices(ClientSpec client)
    {
        var grouped = new HashSet<int>(client.Groups.SelectMany(g => g.Members).Select(m => m.OperationIndex));
        return Enumerable.Range(0, client.Operations.Count).Where(i => !grouped.Contains(i));
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
            w.Line($"private readonly {HttpClient} _httpClient;");
            w.Line();
            w.Line($"internal {group.ClassName}({HttpClient} httpClient)");
            w.OpenBrace();
            w.Line("_httpClient = httpClient;");
            w.CloseBrace();
            foreach (var member in group.Members)
            {
                WriteClassOperation(w, client, InGroup(client, member), member.OperationIndex, typeInfoNames, validated);
            }
            w.CloseBrace();
        }
        w.CloseBrace();
    }
}
