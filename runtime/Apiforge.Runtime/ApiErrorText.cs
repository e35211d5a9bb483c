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

    /// <summary>Creates the exception, naming the property the text came from.</summary>
    public ApiErrorTextException(string errorText, string propertyName, int statusCode, string? response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
        : this(errorText, statusCode, response, headers)
    {
        PropertyName = propertyName;
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

    /// <summary>The JSON property that carried it (one of the names in <c>ErrorTextProperty</c>), when known.</summary>
    public string? PropertyName { get; }
}

/// <summary>The check the generated clients make when the spec item sets <c>ErrorTextProperty</c>.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiErrorText
{
    /// <summary>
    /// Buffers the body and throws <see cref="ApiErrorTextException"/> when it is a JSON object whose property
    /// <paramref name="propertyName"/> is a non-empty string. <paramref name="propertyName"/> may list several
    /// names separated by <c>,</c> (<c>errorText,failureText</c>; <c>;</c> works here too, but not in the MSBuild
    /// metadata, where the generated .editorconfig cuts the value at it): the first non-empty one in the body counts.
    /// Anything else (no body, not JSON, an array) passes; the body can still be read afterwards.
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
        var (name, errorText) = FindAny(bytes, propertyName);
        if (string.IsNullOrEmpty(errorText)) return;
        var body = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, ApiResponse.MaxErrorBodyLength));
        var exception = new ApiErrorTextException(errorText, name!, (int)response.StatusCode, body, ApiException.CollectHeaders(response));
        ApiTelemetry.Fail(response, exception);
        throw exception;
    }

    /// <summary>
    /// The first top-level property of a JSON object named in <paramref name="propertyNames"/> (separated by
    /// <c>,</c> or <c>;</c>) whose value is a non-empty string, or null.
    /// </summary>
    public static string? Find(ReadOnlySpan<byte> json, string propertyNames) => FindAny(json, propertyNames).Text;

    private static (string? Name, string? Text) FindAny(ReadOnlySpan<byte> json, string propertyNames)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = Match(ref reader, propertyNames);
                if (!reader.Read()) return default;
                if (match is not null && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text) return (match, text);
                reader.Skip();
            }
            return default;
        }
        catch (JsonException)
        {
            // Not JSON after all: reading the body reports that, not this check.
            return default;
        }
    }

    /// <summary>The name in the <c>,</c>- or <c>;</c>-separated list the reader's property name equals, or null.</summary>
    private static string? Match(ref Utf8JsonReader reader, string propertyNames)
    {
        var rest = propertyNames.AsSpan();
        while (true)
        {
            var end = rest.IndexOfAny(',', ';');
            var name = (end < 0 ? rest : rest[..end]).Trim();
            if (name.Length > 0 && reader.ValueTextEquals(name)) return name.ToString();
            if (end < 0) return null;
            rest = rest[(end + 1)..];
        }
    }
}
