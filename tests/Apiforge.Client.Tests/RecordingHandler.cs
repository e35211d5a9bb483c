using System.Net;
using System.Text;

namespace Apiforge.Client.Tests;

/// <summary>Answers every request with a canned response and keeps what was sent.</summary>
internal sealed class RecordingHandler(HttpStatusCode status, string responseBody, string contentType = "application/json") : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, string? Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(",", h.Value);
        }
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, headers, body));
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(responseBody, Encoding.UTF8, contentType),
            RequestMessage = request,
        };
        response.Headers.TryAddWithoutValidation("X-Request-Id", "req-123");
        return response;
    }
}
