using System;
using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Streaming success bodies: <c>text/event-stream</c> and JSON Lines / JSON text sequences. When the stream is the
/// operation's only success body, its method enumerates it; when a JSON body is offered too (OpenAI answers
/// <c>stream: true</c> with events, otherwise with one JSON object), the JSON method stays and <c>XStreamAsync</c> is added.
/// </summary>
internal sealed partial class ClientBuilder
{
    private ResponseSpec WithEventStream(ResponseSpec response, OpenApiOperation operation, string operationName, string pointer, HashSet<string> methodNames)
    {
        if (operation.Responses is null) return response;
        foreach (var pair in operation.Responses.Where(r => IsSuccessKey(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (pair.Value?.Content is not { } content) continue;
            foreach (var media in content)
            {
                if (EventStreamKindOf(media.Key) is not { } kind) continue;
                var chosen = response.Kind is ResponseKind.Text or ResponseKind.Stream && response.MediaType == media.Key;
                var others = content.Keys.Where(k => EventStreamKindOf(k) is null).ToList();
                var only = chosen && others.Count == 0;
                if (chosen && !only)
                {
                    // Audio or text offered beside the events (OpenAI's speech): the method returns that, XStreamAsync the events.
                    var text = others.FirstOrDefault(k => MediaTypeOnly(k).StartsWith("text/", StringComparison.Ordinal));
                    response = text is not null
                        ? new ResponseSpec(ResponseKind.Text, TypeRef.Primitive(PrimitiveNames.String), text, response.Description)
                        : new ResponseSpec(ResponseKind.Stream, TypeRef.Primitive(PrimitiveNames.Stream), others[0], response.Description);
                }
                var schemaPointer = pointer + "/responses/" + pair.Key + "/content/" + EscapePointer(media.Key) + "/schema";
                var item = ItemTypeOf(media.Value?.Schema, kind, operationName, schemaPointer);
                if (item is not null) AddRoot(item);
                var methodName = only ? operationName + "Async" : UniqueStreamMethodName(operationName + "Stream", methodNames, pointer) + "Async";
                var events = new EventStreamSpec(kind, item, media.Key, methodName);
                return only
                    ? new ResponseSpec(ResponseKind.Events, null, media.Key, response.Description) { Events = events }
                    : response with { Events = events };
            }
        }
        return response;
    }

    /// <summary>Server-sent events: the schema's type, or the data as text when there is none or it is a string. JSON Lines: the schema's type, or any JSON.</summary>
    private TypeRef? ItemTypeOf(IOpenApiSchema? schema, EventStreamKind kind, string operationName, string schemaPointer)
    {
        if (schema is null || IsBinary(schema)) return kind == EventStreamKind.ServerSentEvents ? null : TypeRef.Any();
        var type = MapSchema(schema, operationName + "Event", schemaPointer, 0);
        if (kind == EventStreamKind.ServerSentEvents && type.Kind == TypeRefKind.Primitive && type.Name == PrimitiveNames.String) return null;
        return type;
    }

    private string UniqueStreamMethodName(string baseName, HashSet<string> taken, string pointer)
    {
        var candidate = baseName;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        taken.Add(candidate);
        if (candidate != baseName) ReportRenamed(pointer, baseName, candidate);
        return candidate;
    }

    private static EventStreamKind? EventStreamKindOf(string mediaType) => MediaTypeOnly(mediaType) switch
    {
        "text/event-stream" => EventStreamKind.ServerSentEvents,
        "application/jsonl" or "application/x-ndjson" or "application/x-jsonlines" or "application/jsonlines" or "application/ndjson" => EventStreamKind.JsonLines,
        "application/json-seq" => EventStreamKind.JsonSequence,
        _ => null,
    };
}
