using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>Response-side helpers the generated clients use.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static partial class ApiResponse
{
    /// <summary>The default of <see cref="ErrorBodyLimit"/>: at most this much of an error body is read and kept in <see cref="ApiException.Response"/>.</summary>
    public const int MaxErrorBodyLength = 64 * 1024;

    /// <summary>Throws <see cref="ApiException"/> unless the status code is a success.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode) return;
        var (body, _) = await ReadBoundedErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        throw new ApiException(
            $"The server answered {(int)response.StatusCode} ({response.ReasonPhrase}).",
            (int)response.StatusCode,
            body,
            ApiException.CollectHeaders(response));
    }

    /// <summary>Reads the body as JSON; an empty body or a JSON null is an error.</summary>
    public static Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        => default(T) is not null ? ReadJsonValueAsync(response, typeInfo, cancellationToken) : ReadJsonPromisedAsync(response, typeInfo, cancellationToken);

    private static async Task<T> ReadJsonPromisedAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var value = await ReadJsonCoreAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
        return value ?? throw new ApiException("The response body was empty or null, where the API description promises a value.",
            (int)response.StatusCode, null, ApiException.CollectHeaders(response));
    }

    /// <summary>Reads the body as JSON; an empty body is null.</summary>
    public static Task<T?> ReadJsonOrNullAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        => ReadJsonCoreAsync(response, typeInfo, cancellationToken).AsTask();

    // A ValueTask: a body read without waiting (the usual case once the headers are in) allocates no task of its own.
    private static async ValueTask<T?> ReadJsonCoreAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (response.Content.Headers.ContentLength == 0 || response.StatusCode == System.Net.HttpStatusCode.NoContent) return default;
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                ApiTelemetry.Fail(response, ex);
                throw new ApiException("The response body could not be read: " + ex.Message, (int)response.StatusCode, null,
                    ApiException.CollectHeaders(response), ex);
            }
        }
    }

    /// <summary>Reads the body as text.</summary>
    public static Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        => (response ?? throw new ArgumentNullException(nameof(response))).Content.ReadAsStringAsync(cancellationToken);

    /// <summary>Hands the body to the caller as a stream, without buffering it; the caller disposes the result.</summary>
    public static async Task<FileResponse> ReadFileAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new FileResponse(response, stream);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The exception for an error response whose body the API description documents: <see cref="ApiException{TError}"/>
    /// with the parsed body, or a plain <see cref="ApiException"/> when the body is not that JSON.
    /// </summary>
    public static async Task<ApiException> ReadErrorAsync<TError>(HttpResponseMessage response, JsonTypeInfo<TError> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var (body, truncated) = await ReadBoundedErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var message = $"The server answered {(int)response.StatusCode} ({response.ReasonPhrase}).";
        var headers = ApiException.CollectHeaders(response);
        if (!string.IsNullOrWhiteSpace(body) && !truncated)
        {
            try
            {
                var error = JsonSerializer.Deserialize(body, typeInfo);
                if (error is not null)
                {
                    return new ApiException<TError>(message, (int)response.StatusCode, body, headers, error);
                }
            }
            catch (JsonException)
            {
                // Not the documented body: the plain exception below still carries the text.
            }
        }
        return new ApiException(message, (int)response.StatusCode, body, headers);
    }
}
