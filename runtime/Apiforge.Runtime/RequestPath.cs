using System;
using System.Text;

namespace Apiforge.Runtime;

/// <summary>Keeps a request path the shape its template gave it.</summary>
internal static class RequestPath
{
    /// <summary>
    /// Escapes every segment that is exactly <c>.</c> or <c>..</c> (<c>%2E</c>, <c>%2E%2E</c>): <see cref="Uri"/>
    /// and servers remove such segments, so a path value <c>..</c> would otherwise climb out of its template
    /// (<c>DELETE /users/42/sessions/..</c> reaching <c>/users/42</c>). Every other character of a value is
    /// escaped by <see cref="Uri.EscapeDataString(string)"/> already, so values cannot add segments either.
    /// </summary>
    /// <summary>
    /// The absolute URI of <paramref name="text"/>. <see cref="Uri"/> decodes <c>%2E</c> and then removes dot
    /// segments, so a URI holding an escaped dot segment is created without path canonicalization: the path goes
    /// on the wire exactly as escaped here.
    /// </summary>
    public static Uri CreateUri(string text)
    {
        if (!HasEscapedDotSegment(text)) return new Uri(text, UriKind.Absolute);
#if NET
        return new Uri(text, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
#else
        throw new ArgumentException("A path value '.' or '..' cannot be sent on this framework: System.Uri would remove the segment.", nameof(text));
#endif
    }

    private static bool HasEscapedDotSegment(string text)
    {
        var index = 0;
        while ((index = text.IndexOf("/%2E", index, StringComparison.Ordinal)) >= 0)
        {
            var end = index + 4;
            if (string.CompareOrdinal(text, end, "%2E", 0, 3) == 0) end += 3;
            if (end == text.Length || text[end] is '/' or '?' or '#') return true;
            index = end;
        }
        return false;
    }

    public static string EscapeDotSegments(string path)
    {
        if (path.IndexOf('.') < 0) return path;
        StringBuilder? result = null;
        var start = 0;
        while (start <= path.Length)
        {
            var end = path.IndexOf('/', start);
            if (end < 0) end = path.Length;
            var segment = path.AsSpan(start, end - start);
            var escaped = segment is "." ? "%2E" : segment is ".." ? "%2E%2E" : null;
            if (escaped is not null)
            {
                result ??= new StringBuilder(path, 0, start, path.Length + 8);
                result.Append(escaped);
            }
            else
            {
                result?.Append(segment);
            }
            if (end == path.Length) break;
            result?.Append('/');
            start = end + 1;
        }
        return result?.ToString() ?? path;
    }
}
