using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

public static partial class ApiResponse
{
    /// <summary>
    /// Reads a value-type body (<c>long</c>, <c>bool</c>, <c>DateTimeOffset</c>, an integer enum...): an empty body or
    /// a JSON <c>null</c> is <c>null</c>. <see cref="ReadJsonOrNullAsync{T}"/> cannot say that for a value type: its
    /// <c>T?</c> is <c>T</c>, and the reader turns <c>null</c> into <c>default</c>.
    /// </summary>
    public static async Task<T?> ReadJsonValueOrNullAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : struct
    {
        var (present, value) = await ReadValueBodyAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
        return present ? value : null;
    }

    /// <summary>A value type the API promises: an empty body or a JSON <c>null</c> is an error, not <c>default</c>.</summary>
    private static async Task<T> ReadJsonValueAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var (present, value) = await ReadValueBodyAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
        return present ? value : throw new ApiException("The response body was empty or null, where the API description promises a value.",
            (int)response.StatusCode, null, ApiException.CollectHeaders(response));
    }

    // A value-type body is a scalar: buffering it lets the JSON null be told apart from the value's default.
    private static async Task<(bool Present, T Value)> ReadValueBodyAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent) return (false, default!);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var start = 0;
        while (start < body.Length && body[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start == body.Length) return (false, default!);
        try
        {
            var reader = new Utf8JsonReader(body);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) return (false, default!);
            return (true, JsonSerializer.Deserialize(body, typeInfo)!);
        }
        catch (JsonException ex)
        {
            throw new ApiException("The response body could not be read: " + ex.Message, (int)response.StatusCode, null,
                ApiException.CollectHeaders(response), ex);
        }
    }
}
