namespace Apiforge.Generator.Model;

internal enum EventStreamKind
{
    /// <summary><c>text/event-stream</c>.</summary>
    ServerSentEvents,
    /// <summary><c>application/jsonl</c>, <c>application/x-ndjson</c>, <c>application/x-jsonlines</c>: one JSON text per line.</summary>
    JsonLines,
    /// <summary><c>application/json-seq</c> (RFC 7464): records started by the RS character.</summary>
    JsonSequence,
}

/// <summary>A streaming success body: the method that enumerates it and the type of each item.</summary>
/// <param name="ItemType">Each event's data or record, read as JSON; null: server-sent events hand their data over as text.</param>
/// <param name="MethodName">The enumerating method: the operation's own <c>XAsync</c> when the stream is its only body, else <c>XStreamAsync</c>.</param>
internal sealed record EventStreamSpec(EventStreamKind Kind, TypeRef? ItemType, string MediaType, string MethodName);
