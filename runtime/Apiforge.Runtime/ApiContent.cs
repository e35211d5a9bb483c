using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Apiforge.Runtime;

/// <summary>Request bodies.</summary>
public static class ApiContent
{
    private const string JsonUtf8 = "application/json; charset=utf-8";

    /// <summary>The value as UTF-8 JSON, serialized with generated metadata.</summary>
    public static HttpContent Json<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var content = new ByteArrayContent(bytes);
        // The header as text: parsed only if someone reads Headers.ContentType, never on the way to the wire.
        var type = string.Equals(mediaType, "application/json", StringComparison.Ordinal) ? JsonUtf8 : MediaTypeOnly(mediaType) + "; charset=utf-8";
        if (!content.Headers.TryAddWithoutValidation("Content-Type", type))
        {
            throw new ArgumentException($"'{mediaType}' is not a usable media type.", nameof(mediaType));
        }
        return content;
    }

    /// <summary>Text in UTF-8.</summary>
    public static HttpContent Text(string value, string mediaType)
        => new StringContent(value ?? throw new ArgumentNullException(nameof(value)), Encoding.UTF8, MediaTypeOnly(mediaType));

    /// <summary>A stream sent as it is; the request disposes it.</summary>
    public static HttpContent Binary(Stream value, string mediaType)
    {
        var content = new StreamContent(value ?? throw new ArgumentNullException(nameof(value)));
        var type = MediaTypeOnly(mediaType);
        content.Headers.ContentType = new MediaTypeHeaderValue(type.Contains('*', StringComparison.Ordinal) ? "application/octet-stream" : type);
        return content;
    }

    private static string MediaTypeOnly(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim();
    }
}
