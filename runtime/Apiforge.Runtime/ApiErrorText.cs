using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>
/// A success status code whose JSON body carries an error text (such as Tradovate's <c>errorText</c>): the
/// request failed all the same.
/// </summary>
public sealed class ApiErrorTextException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiErrorTextException(string errorText, int statusCode, string? response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
        : base("The API reported an error: " + errorText, statusCode, response, headers)
    {
        ErrorText = errorText;
    }

    /// <summary>Creates the exception.</summary>
    public ApiErrorTextException()
        : this("", 0, null, new Dictionary<string, IReadOnlyList<string>>())
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiErrorTextException(string message)
        : this(message, 0, null, new Dictionary<string, IReadOnlyList<string>>())
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiErrorTextException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorText = message;
    }

    /// <summary>The error text the API sent.</summary>
    public string ErrorText { get; } = "";
}

/// <summary>The check the generated clients make when the spec item sets <c>ErrorTextProperty</c>.</summary>
public static class ApiErrorText
{
    /// <summary>
    /// Buffers the body and throws <see cref="ApiErrorTextException"/> when it is a JSON object whose property
    /// <paramref name="propertyName"/> is a non-empty string. Anything else (no body, not JSON, an array) passes;
    /// the body can still be read afterwards.
    /// </summary>
    public static async Task ThrowIfPresentAsync(HttpResponseMessage response, string propertyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        if (response.Content.Headers.ContentLength == 0) return;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)) return;
        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var errorText = Find(bytes, propertyName);
        if (string.IsNullOrEmpty(errorText)) return;
        var body = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, ApiResponse.MaxErrorBodyLength));
        throw new ApiErrorTextException(errorText, (int)response.StatusCode, body, ApiException.CollectHeaders(response));
    }

    /// <summary>The top-level string property <paramref name="propertyName"/> of a JSON object, or null.</summary>
    public static string? Find(ReadOnlySpan<byte> json, string propertyName)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(propertyName);
                if (!reader.Read()) return null;
                if (match && reader.TokenType == JsonTokenType.String) return reader.GetString();
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            // Not JSON after all: reading the body reports that, not this check.
            return null;
        }
    }
}
