using System;
using System.IO;
using System.Buffers;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>Changes to a request's JSON body, for <see cref="ApiOutcome.Retry"/>.</summary>
public static class ApiJsonBody
{
    /// <summary>
    /// Sets the top-level property <paramref name="name"/> of the request's JSON object body to
    /// <paramref name="value"/> (replacing it if present), keeping every other property and the content headers.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request has no body, or it is not a JSON object.</exception>
    public static async Task SetPropertyAsync(HttpRequestMessage request, string name, JsonElement value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var content = request.Content ?? throw new InvalidOperationException("The request has no body to add a property to.");
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var output = new MemoryStream(bytes.Length + name.Length + 64);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException("The request body is not a JSON object.");
            }
            using var writer = new Utf8JsonWriter(output);
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals(name)) continue;
                property.WriteTo(writer);
            }
            writer.WritePropertyName(name);
            value.WriteTo(writer);
            writer.WriteEndObject();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException("The request body is not JSON.", ex);
        }
        var changed = new ByteArrayContent(output.ToArray());
        foreach (var header in content.Headers)
        {
            if (string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            changed.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        request.Content = changed;
        content.Dispose();
    }
}
