using System;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>
/// A whole call for the common operation shapes (a JSON body or none; no error body, or one for every error status),
/// so the generated method builds the request and hands it over without a state machine of its own: 350 of them
/// were 7% of compiling the Stripe client. Each takes over <c>request</c> and disposes it.
/// </summary>
public static partial class ApiResponse
{
    /// <summary>Sends the request, refuses an error status (<see cref="ApiException"/>), reads the JSON body.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static async Task<ApiResult<T>> CallJsonAsync<T>(HttpClient httpClient, HttpRequestMessage request, ApiOperation operation, ApiCallOptions? options,
        JsonTypeInfo<T> value, string? errorTextProperty, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(httpClient, request, operation, options, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            if (errorTextProperty is not null) await ApiErrorText.ThrowIfPresentAsync(response, errorTextProperty, cancellationToken).ConfigureAwait(false);
            return ApiResult.From(response, await ReadJsonAsync(response, value, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>As <see cref="CallJsonAsync{T}"/>, an error status read as <typeparamref name="TError"/> (<see cref="ApiException{TError}"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static async Task<ApiResult<T>> CallJsonAsync<T, TError>(HttpClient httpClient, HttpRequestMessage request, ApiOperation operation, ApiCallOptions? options,
        JsonTypeInfo<T> value, JsonTypeInfo<TError> error, string? errorTextProperty, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(httpClient, request, operation, options, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw await ReadErrorAsync(response, error, cancellationToken).ConfigureAwait(false);
            if (errorTextProperty is not null) await ApiErrorText.ThrowIfPresentAsync(response, errorTextProperty, cancellationToken).ConfigureAwait(false);
            return ApiResult.From(response, await ReadJsonAsync(response, value, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Sends the request of an operation without a success body and refuses an error status.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static async Task<ApiResult> CallAsync(HttpClient httpClient, HttpRequestMessage request, ApiOperation operation, ApiCallOptions? options,
        string? errorTextProperty, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(httpClient, request, operation, options, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            if (errorTextProperty is not null) await ApiErrorText.ThrowIfPresentAsync(response, errorTextProperty, cancellationToken).ConfigureAwait(false);
            return ApiResult.From(response);
        }
    }

    /// <summary>As <see cref="CallAsync"/>, an error status read as <typeparamref name="TError"/> (<see cref="ApiException{TError}"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static async Task<ApiResult> CallAsync<TError>(HttpClient httpClient, HttpRequestMessage request, ApiOperation operation, ApiCallOptions? options,
        JsonTypeInfo<TError> error, string? errorTextProperty, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(httpClient, request, operation, options, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw await ReadErrorAsync(response, error, cancellationToken).ConfigureAwait(false);
            if (errorTextProperty is not null) await ApiErrorText.ThrowIfPresentAsync(response, errorTextProperty, cancellationToken).ConfigureAwait(false);
            return ApiResult.From(response);
        }
    }
}
