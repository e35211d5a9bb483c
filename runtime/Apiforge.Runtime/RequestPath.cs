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
