using System;
using System.Collections.Generic;

namespace Apiforge.Runtime;

/// <summary>
/// The API answered with an error whose body the API description documents: <see cref="Error"/> is that body, parsed.
/// Catch <c>ApiException&lt;TError&gt;</c> for the typed body, or <see cref="ApiException"/> for every error.
/// </summary>
/// <typeparam name="TError">The documented error body type.</typeparam>
public class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, TError error, Exception? innerException = null)
        : base(message, statusCode, response, headers, innerException)
    {
        Error = error;
    }

    /// <summary>The parsed error body.</summary>
    public TError Error { get; }
}
