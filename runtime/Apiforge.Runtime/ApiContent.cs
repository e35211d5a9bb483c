using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Apiforge.Runtime;

/// <summary>Request bodies.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
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

    /// <summary>An <c>application/x-www-form-urlencoded</c> body of already escaped pairs (see <see cref="ApiParameter.FormPairs"/>).</summary>
    public static HttpContent Form(IEnumerable<KeyValuePair<string, string>> escapedPairs)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(ApiParameter.Join(escapedPairs)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>A form body from a value serialized with generated metadata, each top-level property written by its <paramref name="fields"/> entry.</summary>
    public static HttpContent Form<T>(T value, JsonTypeInfo<T> typeInfo, IReadOnlyList<FormField>? fields)
        => Form(ApiParameter.FormPairs(JsonSerializer.SerializeToElement(value, typeInfo), fields));

    /// <summary>Adds a text part (UTF-8, no Content-Type of its own, as browsers send form fields).</summary>
    public static void AddText(MultipartFormDataContent form, string name, string value, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value ?? ""));
        if (contentType is not null) part.Headers.ContentType = new MediaTypeHeaderValue(MediaTypeOnly(contentType));
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
        form.Add(part);
    }

    /// <summary>Adds a JSON part serialized with generated metadata.</summary>
    public static void AddJson<T>(MultipartFormDataContent form, string name, T value, JsonTypeInfo<T> typeInfo, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var part = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType is null ? "application/json" : MediaTypeOnly(contentType));
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
        form.Add(part);
    }

    /// <summary>Adds a file part; the request disposes the file's stream.</summary>
    public static void AddFile(MultipartFormDataContent form, string name, ApiFile file, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(file);
        var part = new StreamContent(file.Content);
        var type = file.ContentType ?? (contentType is null ? null : MediaTypeOnly(contentType));
        if (type is null || type.Contains('*', StringComparison.Ordinal) || type.Contains(',', StringComparison.Ordinal)) type = "application/octet-stream";
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name), FileName = Quote(file.FileName ?? name) };
        form.Add(part);
    }

    /// <summary>Adds one file part per file, all under <paramref name="name"/>.</summary>
    public static void AddFiles(MultipartFormDataContent form, string name, IEnumerable<ApiFile> files, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files) AddFile(form, name, file, contentType);
    }

    private static string Quote(string value) => "\"" + (value ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string MediaTypeOnly(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim();
    }
}
