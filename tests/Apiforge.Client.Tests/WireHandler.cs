using System.Net;
using System.Text;

namespace Apiforge.Client.Tests;

/// <summary>One request as it went on the wire.</summary>
internal sealed record WireRequest(
    HttpMethod Method,
    string Uri,
    Dictionary<string, string> Headers,
    byte[]? Body,
    List<WirePart>? Parts)
{
    public string BodyText => Body is null ? "" : Encoding.UTF8.GetString(Body);
}

/// <summary>One part of a multipart body: its headers and bytes.</summary>
internal sealed record WirePart(Dictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>Keeps every request byte for byte (and multipart bodies part by part) and answers with <see cref="Respond"/>.</summary>
internal sealed class WireHandler : HttpMessageHandler
{
    public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.NoContent);

    public List<WireRequest> Requests { get; } = new();

    public WireRequest Last => Requests[^1];

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string contentType = "application/json")
        => new(status) { Content = new StringContent(json, Encoding.UTF8, contentType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        byte[]? body = null;
        List<WirePart>? parts = null;
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(",", h.Value);
            if (request.Content is MultipartFormDataContent multipart)
            {
                parts = new List<WirePart>();
                foreach (var part in multipart)
                {
                    var partHeaders = part.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
                    parts.Add(new WirePart(partHeaders, await part.ReadAsByteArrayAsync(cancellationToken)));
                }
            }
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        Requests.Add(new WireRequest(request.Method, request.RequestUri!.OriginalString, headers, body, parts));
        var response = Respond(request);
        response.RequestMessage = request;
        return response;
    }
}
