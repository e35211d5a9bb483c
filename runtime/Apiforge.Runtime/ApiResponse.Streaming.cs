using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

public static partial class ApiResponse
{
    /// <summary>The default of <see cref="StreamEventLimit"/>: 8 MiB.</summary>
    public const int DefaultStreamEventLimit = 8 * 1024 * 1024;

    private static int s_streamEventLimit = DefaultStreamEventLimit;

    /// <summary>
    /// The most bytes one server-sent event's data, one line of an event stream, or one JSON Lines record may have
    /// (default 8 MiB); a longer one ends the enumeration with an <see cref="ApiException"/> instead of being buffered.
    /// Process-wide.
    /// </summary>
    public static int StreamEventLimit
    {
        get => Volatile.Read(ref s_streamEventLimit);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref s_streamEventLimit, value);
        }
    }

    /// <summary>
    /// The events of a <c>text/event-stream</c> body, each <c>data</c> read as JSON with <paramref name="typeInfo"/>,
    /// as they arrive. An event whose data is <c>[DONE]</c> (OpenAI's end marker, not JSON) ends the enumeration.
    /// The caller disposes <paramref name="response"/>.
    /// </summary>
    public static async IAsyncEnumerable<ApiServerSentEvent<T>> ReadServerSentEventsAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        await foreach (var raw in ReadServerSentEventTextAsync(response, cancellationToken).ConfigureAwait(false))
        {
            if (raw.Data == "[DONE]") yield break;
            T data;
            try
            {
                data = JsonSerializer.Deserialize(raw.Data, typeInfo)!;
            }
            catch (JsonException ex)
            {
                throw new ApiException($"The data of a '{raw.EventType}' event could not be read: " + ex.Message, (int)response.StatusCode, null,
                    ApiException.CollectHeaders(response), ex);
            }
            yield return new ApiServerSentEvent<T>(raw.EventType, data, raw.Id, raw.Retry);
        }
    }

    /// <summary>The events of a <c>text/event-stream</c> body with their data as text, as they arrive. The caller disposes <paramref name="response"/>.</summary>
    public static async IAsyncEnumerable<ApiServerSentEvent<string>> ReadServerSentEventTextAsync(
        HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var reader = new ServerSentEventReader(stream, StreamEventLimit);
            while (true)
            {
                ApiServerSentEvent<string>? next;
                try
                {
                    next = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException ex)
                {
                    throw new ApiException(ex.Message, (int)response.StatusCode, null, ApiException.CollectHeaders(response), ex);
                }
                if (next is null) yield break;
                yield return next;
            }
        }
    }

    /// <summary>
    /// The records of a JSON Lines / NDJSON body or an RFC 7464 JSON text sequence (one text per line), each read with
    /// <paramref name="typeInfo"/>, as they arrive. The caller disposes <paramref name="response"/>.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadJsonLinesAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var reader = new JsonLinesReader(stream, StreamEventLimit);
            while (true)
            {
                T item;
                try
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } record) yield break;
                    item = JsonSerializer.Deserialize(record.AsSpan(), typeInfo)!;
                }
                catch (Exception ex) when (ex is InvalidDataException or JsonException)
                {
                    var message = ex is JsonException ? "A record of the JSON stream could not be read: " + ex.Message : ex.Message;
                    throw new ApiException(message, (int)response.StatusCode, null, ApiException.CollectHeaders(response), ex);
                }
                yield return item;
            }
        }
    }
}
