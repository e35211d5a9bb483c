using System.Net.Http.Headers;

namespace Apiforge.Prism.Tests;

/// <summary>
/// Between the client and Prism: keeps what Prism says about each request, from the <c>sl-violations</c> header
/// (a request Prism still answered) or its own problem document (a 422 "Invalid request", a 401 for credentials).
/// </summary>
internal sealed class ViolationRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public string? LastViolations { get; private set; }

    public string? LastRequest { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastViolations = null;
        LastRequest = request.Method + " " + request.RequestUri?.PathAndQuery;
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("sl-violations", out var violations))
        {
            LastViolations = string.Join(" ", violations);
        }
        else if (response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "application/problem+json" })
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Contains("stoplight.io/prism/errors", StringComparison.Ordinal)) LastViolations = text;
        }
        return response;
    }
}
