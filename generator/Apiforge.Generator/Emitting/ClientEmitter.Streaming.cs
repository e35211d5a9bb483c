using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Streaming responses: a method returning <c>IAsyncEnumerable</c> of <c>ApiServerSentEvent&lt;T&gt;</c> (server-sent
/// events) or of <c>T</c> (JSON Lines, JSON text sequences). It is an async iterator: the request is sent when the
/// enumeration starts, an error status throws before the first item, and the response is disposed when the
/// enumeration ends, fails or is left early.
/// </summary>
internal static partial class ClientEmitter
{
    private const string AsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";

    /// <summary>An operation whose JSON method stays and that gets <c>XStreamAsync</c> as well.</summary>
    private static bool HasStreamVariant(OperationSpec operation)
        => operation.Response.Events is not null && operation.Response.Kind != ResponseKind.Events;

    private static string EventItemType(EventStreamSpec events, string ns)
    {
        var item = events.ItemType is null ? "string" : CSharp.TypeName(events.ItemType, ns, false);
        return events.Kind == EventStreamKind.ServerSentEvents ? $"{ApiServerSentEvent}<{item}>" : item;
    }

    private static string EventStreamSignature(OperationSpec operation, string ns, bool implementation)
    {
        var events = operation.Response.Events!;
        var parameters = SignatureParameters(operation, ns).Select(p => p.Declaration).ToList();
        var attribute = implementation ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] " : "";
        parameters.Add(OptionsParameter);
        parameters.Add($"{attribute}{CancellationToken} cancellationToken = default");
        return $"{AsyncEnumerable}<{EventItemType(events, ns)}> {events.MethodName}({string.Join(", ", parameters)})";
    }

    private static void WriteEventStreamDocs(SourceWriter w, OperationSpec operation)
    {
        var events = operation.Response.Events!;
        var summary = operation.Summary ?? operation.Description ?? $"{operation.HttpMethod} {operation.PathTemplate}";
        var what = events.Kind == EventStreamKind.ServerSentEvents ? "server-sent events" : "JSON records";
        CSharp.DocElement(w, "summary", summary);
        CSharp.DocElement(w, "remarks", $"Streams the {events.MediaType} response: the {what} as they arrive. The request is sent when the enumeration starts; leaving the loop closes the response.");
        foreach (var p in SignatureParameters(operation, ns: ""))
        {
            CSharp.DocElement(w, "param", p.Doc, $"name=\"{p.Name.TrimStart('@')}\"");
        }
        w.Line(OptionsDoc);
        w.Line("/// <param name=\"cancellationToken\">Cancels the request and the enumeration, also while an event is being read.</param>");
        CSharp.DocElement(w, "returns", $"The {what}, read one at a time with bounded memory (ApiResponse.StreamEventLimit).");
        w.Line($"/// <exception cref=\"{ApiExceptionCref}\">The server answered with a status code that is not a success (before the first item), or sent an item that is too long or cannot be read.</exception>");
    }

    /// <summary>In the interface: the enumerating method.</summary>
    private static void WriteEventStreamDeclaration(SourceWriter w, OperationSpec operation, string ns)
    {
        WriteEventStreamDocs(w, operation);
        if (operation.Deprecated) w.Line(Obsolete);
        w.Line($"{EventStreamSignature(operation, ns, implementation: false)};");
    }

    /// <summary>In the class: the enumerating method, the operation's only one or its stream variant.</summary>
    private static void WriteEventStreamImplementation(SourceWriter w, ClientSpec client, OperationSpec operation, int index, Dictionary<TypeRef, string> typeInfoNames, HashSet<string> validated)
    {
        w.Line();
        w.Line("/// <inheritdoc/>");
        if (operation.Deprecated) w.Line(Obsolete);
        w.Line($"public async {EventStreamSignature(operation, client.Namespace, implementation: true)}");
        w.OpenBrace();
        WriteBody(w, client, operation, index, typeInfoNames, validated, eventStream: true);
        w.CloseBrace();
    }

    /// <summary>After the request is built: send, throw on an error status, then yield each item.</summary>
    private static void WriteEventStreamRead(SourceWriter w, OperationSpec operation, int index, System.Func<TypeRef, string> typeInfo)
    {
        var events = operation.Response.Events!;
        var accept = events.MediaType.IndexOfAny(new[] { '\r', '\n', '\0' }) < 0 ? events.MediaType : null;
        if (accept is not null)
        {
            w.Line($"__request.Headers.TryAddWithoutValidation(\"Accept\", {CSharp.Literal(accept)});");
        }
        // Sent as file responses are: the timeouts bound the wait for the headers, not a stream meant to stay open.
        w.Line($"using var __response = await {ApiResponse}.SendStreamedAsync(_httpClient, __request, {OperationField(index)}, options, cancellationToken).ConfigureAwait(false);");
        w.Line("if (!__response.IsSuccessStatusCode)");
        w.OpenBrace();
        WriteErrors(w, operation, typeInfo);
        w.CloseBrace();
        var read = events switch
        {
            { Kind: EventStreamKind.ServerSentEvents, ItemType: null } => $"{ApiResponse}.ReadServerSentEventTextAsync(__response, cancellationToken)",
            { Kind: EventStreamKind.ServerSentEvents } => $"{ApiResponse}.ReadServerSentEventsAsync(__response, {typeInfo(events.ItemType!)}, cancellationToken)",
            _ => $"{ApiResponse}.ReadJsonLinesAsync(__response, {typeInfo(events.ItemType!)}, cancellationToken)",
        };
        w.Line($"await foreach (var __item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait({read}, false))");
        w.OpenBrace();
        w.Line("yield return __item;");
        w.CloseBrace();
    }
}
