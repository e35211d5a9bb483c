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

    /// <summary>What Prism says is wrong with its own answer (a mock that breaks the document): recorded, not the client's fault.</summary>
    public string? LastResponseViolations { get; private set; }

    /// <summary>
    /// Prism 5.16 reads no array from an urlencoded body: neither OpenAPI's form/explode encoding (the key repeated,
    /// which the client sends) nor any other passes its "must be array". Such a 422 is Prism's limit, not the client's.
    /// </summary>
    public string? LastPrismLimitation { get; private set; }

    private static bool OnlyFormArrays(string problem)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(problem);
            return document.RootElement.TryGetProperty("validation", out var validation) &&
                   validation.ValueKind == System.Text.Json.JsonValueKind.Array && validation.GetArrayLength() > 0 &&
                   validation.EnumerateArray().All(v =>
                       v.TryGetProperty("code", out var code) && code.ValueEquals("type") &&
                       v.TryGetProperty("message", out var message) && message.GetString() is { } text &&
                       (text.EndsWith("must be array", StringComparison.Ordinal) || text.EndsWith("must be array,null", StringComparison.Ordinal)));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static bool IsAboutResponse(string violations)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(violations);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array &&
                   document.RootElement.EnumerateArray().All(v =>
                       v.TryGetProperty("location", out var location) && location.ValueKind == System.Text.Json.JsonValueKind.Array &&
                       location.GetArrayLength() > 0 && location[0].ValueEquals("response"));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastViolations = null;
        LastResponseViolations = null;
        LastPrismLimitation = null;
        LastRequest = request.Method + " " + request.RequestUri?.PathAndQuery;
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("sl-violations", out var violations))
        {
            var text = string.Join(" ", violations);
            if (IsAboutResponse(text)) LastResponseViolations = text;
            else LastViolations = text;
        }
        else if (response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "application/problem+json" })
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!text.Contains("stoplight.io/prism/errors", StringComparison.Ordinal)) return response;
            if (request.Content?.Headers.ContentType?.MediaType == "application/x-www-form-urlencoded" && OnlyFormArrays(text)) LastPrismLimitation = text;
            else LastViolations = text;
        }
        return response;
    }
}
