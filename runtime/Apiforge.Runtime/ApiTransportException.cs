using System;
using System.Collections.Generic;

namespace Apiforge.Runtime;

/// <summary>
/// The connection failed while the response body was being read: the server closed it, reset it or sent a
/// malformed body after the status line and headers had arrived. Carries the status, the headers, how many body
/// bytes had arrived and, for an error response, the text read so far (in <see cref="ApiException.Response"/>).
/// The failure of the transport itself is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class ApiTransportException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiTransportException(string message, int statusCode, long bytesRead, string? response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        BytesRead = bytesRead;
    }

    /// <summary>Creates the exception.</summary>
    public ApiTransportException()
        : base("The connection failed while the response body was being read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How many bytes of the body had arrived before the failure.</summary>
    public long BytesRead { get; }
}
