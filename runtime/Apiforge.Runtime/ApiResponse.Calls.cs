using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

public static partial class ApiResponse
{
    /// <summary>
    /// Sends the request of one generated operation: applies <paramref name="options"/> (headers, credential override,
    /// hook), traces it as <paramref name="operation"/> (see <see cref="ApiTelemetry"/>), and bounds the whole call,
    /// from sending to the last byte of the body, by the smaller of <see cref="HttpClient.Timeout"/> and
    /// <see cref="ApiCallOptions.Timeout"/> as well as by <paramref name="cancellationToken"/>: a body that stalls ends
    /// with a <see cref="TaskCanceledException"/> holding a <see cref="TimeoutException"/>, as HttpClient reports its
    /// own timeout. A connection that fails mid-body gives <see cref="ApiTransportException"/>. Dispose the response
    /// to release the connection (and end the trace). A success status that <paramref name="operation"/> does not
    /// document is refused here (<see cref="UndocumentedStatusAsync"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A header of <paramref name="options"/> is not a valid name, or its value holds CR, LF or NUL; nothing was sent.</exception>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient httpClient, HttpRequestMessage request, ApiOperation? operation, ApiCallOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(request);
        options?.ApplyTo(request);
        var timeout = ApiCallOptions.TimeoutOf(httpClient, options);
        var telemetry = ApiTelemetry.Start(operation, request);
        var ownsDeadline = false;
        var deadline = timeout == Timeout.InfiniteTimeSpan ? null : CallDeadlines.For(timeout, out ownsDeadline);
        HttpResponseMessage response;
        try
        {
            // A caller's token that can never be canceled needs no linking: the deadline's token alone bounds the send.
            using var linked = deadline is null || !cancellationToken.CanBeCanceled ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked?.Token ?? deadline?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            if (ownsDeadline) deadline.Dispose();
            var timedOut = TimedOut(httpClient, timeout, ex);
            telemetry?.Fail(timedOut);
            telemetry?.Stop();
            throw timedOut;
        }
        catch (Exception ex)
        {
            if (ownsDeadline) deadline?.Dispose();
            telemetry?.Fail(ex);
            telemetry?.Stop();
            throw;
        }
        telemetry?.Respond(response);
        response.Content = new BoundedResponseContent(response, response.Content, deadline, ownsDeadline, timeout, telemetry);
        if (operation is not null && operation.IsUndocumentedSuccess(response))
        {
            using (response)
            {
                throw await UndocumentedStatusAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }
        return response;
    }

    /// <summary>The body of a <c>…WithResponseAsync</c> call, for the simple method that returns only the body.</summary>
    public static Task<T> ValueAsync<T>(Task<ApiResult<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        // A call that completed at once (a body already at hand) needs no state machine to take its value.
        return call.Status == TaskStatus.RanToCompletion ? Task.FromResult(call.Result.Value) : AwaitValueAsync(call);
    }

    private static async Task<T> AwaitValueAsync<T>(Task<ApiResult<T>> call) => (await call.ConfigureAwait(false)).Value;

    /// <summary>
    /// Sends the request of an operation whose body is handed to the caller as a stream (<see cref="FileResponse"/>):
    /// as <see cref="SendAsync(HttpClient, HttpRequestMessage, ApiOperation?, ApiCallOptions?, CancellationToken)"/>,
    /// except that the timeout and the trace end with the response headers; the reader of the body bounds the rest.
    /// </summary>
    /// <exception cref="ArgumentException">A header of <paramref name="options"/> is not a valid name, or its value holds CR, LF or NUL; nothing was sent.</exception>
    public static async Task<HttpResponseMessage> SendStreamedAsync(HttpClient httpClient, HttpRequestMessage request, ApiOperation? operation, ApiCallOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(request);
        options?.ApplyTo(request);
        var timeout = ApiCallOptions.TimeoutOf(httpClient, options);
        var telemetry = ApiTelemetry.Start(operation, request);
        using var deadline = timeout == Timeout.InfiniteTimeSpan || timeout == httpClient.Timeout ? null : new CancellationTokenSource(timeout);
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            telemetry?.Respond(response);
            return response;
        }
        catch (OperationCanceledException ex) when (deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            var timedOut = TimedOut(httpClient, timeout, ex);
            telemetry?.Fail(timedOut);
            throw timedOut;
        }
        catch (Exception ex)
        {
            telemetry?.Fail(ex);
            throw;
        }
        finally
        {
            telemetry?.Stop();
        }
    }

    private static TaskCanceledException TimedOut(HttpClient httpClient, TimeSpan timeout, OperationCanceledException ex)
        => new(timeout == httpClient.Timeout
                ? $"The request was canceled due to the configured HttpClient.Timeout of {timeout.TotalSeconds} seconds elapsing."
                : $"The request was canceled due to the call's timeout (ApiCallOptions.Timeout) of {timeout.TotalSeconds} seconds elapsing.",
            new TimeoutException(ex.Message, ex));
}
