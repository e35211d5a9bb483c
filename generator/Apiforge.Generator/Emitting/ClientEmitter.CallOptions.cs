using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Per-call options and tracing: every method takes <c>ApiCallOptions? options</c> (before the cancellation token) and
/// hands it, with its operation's static <c>ApiOperation</c> descriptor, to the one runtime call that sends the
/// request; nothing else per method.
/// </summary>
internal static partial class ClientEmitter
{
    private const string OptionsParameter = $"{ApiCallOptions}? options = null";

    private const string OptionsDoc =
        "/// <param name=\"options\">This call's extra headers, credential, timeout or request hook; null for none.</param>";

    /// <summary>The descriptor field of the operation at <paramref name="index"/>; a group's copy of it has the same.</summary>
    private static string OperationField(int index) => "__operation" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>One descriptor per operation (id, method, URL template, documented 2xx statuses), so a call names them without building strings.</summary>
    private static void WriteOperationFields(SourceWriter w, ClientSpec client)
    {
        var operations = client.Operations;
        if (operations.Count == 0) return;
        w.Line();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var id = operation.OperationId ?? operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length);
            var statuses = DocumentedSuccessStatuses(operation).Select(c => ", " + c.ToString(CultureInfo.InvariantCulture));
            w.Line($"private static readonly {ApiOperation} {OperationField(i)} = new({CSharp.Literal(id)}, {CSharp.Literal(operation.HttpMethod)}, {CSharp.Literal(operation.PathTemplate)}{string.Concat(statuses)});");
        }
    }
}
