using System;

namespace Apiforge.Runtime;

/// <summary>
/// One event of a <c>text/event-stream</c> response: its <see cref="Data"/> (read as the document's event schema,
/// or the raw text when it gives none) with the <c>event:</c>, <c>id:</c> and <c>retry:</c> fields that came with it.
/// </summary>
/// <typeparam name="T">The type of the event's data.</typeparam>
public sealed class ApiServerSentEvent<T>
{
    /// <summary>Creates an event.</summary>
    public ApiServerSentEvent(string eventType, T data, string? id, TimeSpan? retry)
    {
        EventType = eventType ?? throw new ArgumentNullException(nameof(eventType));
        Data = data;
        Id = id;
        Retry = retry;
    }

    /// <summary>The <c>event:</c> field; <c>message</c> when the server sent none.</summary>
    public string EventType { get; }

    /// <summary>The <c>data:</c> lines (joined with a line feed), read as <typeparamref name="T"/>.</summary>
    public T Data { get; }

    /// <summary>The last <c>id:</c> the stream set (it carries over to later events, as in a browser's EventSource); null when none.</summary>
    public string? Id { get; }

    /// <summary>The last <c>retry:</c> the stream set, the reconnection delay the server asks for; null when none.</summary>
    public TimeSpan? Retry { get; }
}
