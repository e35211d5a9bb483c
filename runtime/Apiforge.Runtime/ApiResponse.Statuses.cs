using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

public static partial class ApiResponse
{
    /// <summary>
    /// The exception for a success status the API description does not document for the operation (a 202 where only
    /// 200 and 204 are listed): the client cannot tell what such an answer means, so it is not taken as the result.
    /// </summary>
    public static async Task<ApiException> UndocumentedStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (body, _) = await ReadBoundedErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return new ApiException(
            $"The server answered {(int)response.StatusCode} ({response.ReasonPhrase}), a status the API description does not document for this operation.",
            (int)response.StatusCode,
            body,
            ApiException.CollectHeaders(response));
    }
}
