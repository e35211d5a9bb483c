using System.Globalization;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Per-call options and tracing: every method takes <c>ApiCallOptions? options</c> (before the cancellation token) and
/// hands it, with its operation's static <c>ApiOperation</c> descriptor, to the one runtime call that sends the
/// request; nothing else per method.
/// </summary>
internal static partial class ClientEmitter
{
    private const string OptionsParameter = $"{Runtime}.ApiCallOptions? options = null";

    private const string OptionsDoc =
        "/// <param name=\"options\">This call's extra headers, credential, timeout or request hook; null for none.</param>";

    private static string OperationField(ClientSpec client, OperationSpec operation)
    {
        var operations = client.Operations;
        for (var i = 0; i < operations.Count; i++)
        {
            if (ReferenceEquals(operations[i], operation)) return "__operation" + i.ToString(CultureInfo.InvariantCulture);
        }
        // A group declares a copy under its own method names: the same request, so the same method and path.
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i].HttpMethod == operation.HttpMethod && operations[i].PathTemplate == operation.PathTemplate)
                return "__operation" + i.ToString(CultureInfo.InvariantCulture);
        }
        throw new System.InvalidOperationException("The operation is not one of the client's.");
    }

    /// <summary>One descriptor per operation (id, method, URL template), so a call names them without building strings.</summary>
    private static void WriteOperationFields(SourceWriter w, ClientSpec client)
    {
        var operations = client.Operations;
        if (operations.Count == 0) return;
        w.Line();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var id = operation.OperationId ?? operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length);
            w.Line($"private static readonly {Runtime}.ApiOperation __operation{i.ToString(CultureInfo.InvariantCulture)} = new({CSharp.Literal(id)}, {CSharp.Literal(operation.HttpMethod)}, {CSharp.Literal(operation.PathTemplate)});");
        }
    }
}
