using System;
using System.Net.Http;

namespace Apiforge.Runtime;

public static partial class ApiRequest
{
    /// <summary>
    /// The error body limit of one request, in characters, instead of <see cref="ApiResponse.ErrorBodyLimit"/>
    /// (set it in a <see cref="DelegatingHandler"/> to give one client its own).
    /// </summary>
#if NET
    public
#else
    internal // HttpRequestOptionsKey is .NET 5+; on netstandard2.0 use SetErrorBodyLimit.
#endif
    static readonly HttpRequestOptionsKey<int> ErrorBodyLimit = new("Apiforge.ErrorBodyLimit");

    /// <summary>Gives one request its own error body limit, in characters (see <see cref="ErrorBodyLimit"/>).</summary>
    public static void SetErrorBodyLimit(HttpRequestMessage request, int limit)
        => (request ?? throw new ArgumentNullException(nameof(request))).Options.Set(ErrorBodyLimit, limit);

    /// <summary>
    /// Adds a header the API description declares, refusing a value with CR, LF or NUL: such a value would end the
    /// header and start another one (or cut the request) on the wire.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The header's value.</param>
    /// <param name="parameterName">The method parameter the value came from, named by the <see cref="System.ArgumentException"/>.</param>
    /// <exception cref="System.ArgumentException">The value holds CR, LF or NUL; nothing was added. The message does not repeat the value.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void AddHeader(HttpRequestMessage request, string name, string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        EnsureSafeHeaderValue(name, value, parameterName);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>Throws when <paramref name="value"/> could split a header: it holds CR, LF or NUL.</summary>
    /// <exception cref="System.ArgumentException">The value holds CR, LF or NUL. The message does not repeat the value.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void EnsureSafeHeaderValue(string name, string? value, string parameterName)
    {
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException(
                $"The value for the header '{name}' contains CR, LF or NUL, which would add a header or end the request on the wire. It was not sent.",
                parameterName);
        }
    }
}
