using System;
using System.IO;

namespace Apiforge.Runtime;

/// <summary>A file to upload in a multipart request: its content, and optionally its name and content type.</summary>
/// <remarks>The request takes ownership of <see cref="Content"/> and disposes it once sent.</remarks>
public sealed class ApiFile
{
    /// <summary>Creates the file from a stream.</summary>
    public ApiFile(Stream content, string? fileName = null, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The content.</summary>
    public Stream Content { get; }

    /// <summary>The file name sent in Content-Disposition; the part name when null.</summary>
    public string? FileName { get; }

    /// <summary>The part's Content-Type; the API description's, or <c>application/octet-stream</c>, when null.</summary>
    public string? ContentType { get; }

    /// <summary>A file from bytes in memory.</summary>
    public static ApiFile FromBytes(byte[] content, string? fileName = null, string? contentType = null)
        => new(new MemoryStream(content ?? throw new ArgumentNullException(nameof(content)), writable: false), fileName, contentType);
}
