using Apiforge.Runtime;

namespace Apiforge.Benchmarks;

/// <summary>
/// The generated call as main emitted it before per-call options and tracing (issue 12): the same methods (the simple
/// one awaiting the WithResponse one), the same body, sent through the three-argument <c>ApiResponse.SendAsync</c>
/// with no operation descriptor and no options. Set against the generated call with nothing listening, it is the
/// cost of the new path when nobody traces.
/// </summary>
internal static class MainShapedCall
{
    // As RuntimeBenchmarks.ApiforgeCall calls the generated client.
    public static async Task<long> CallAsync(HttpClient httpClient)
    {
        var response = await CreateTradingPermissionAsync(httpClient, new global::Bench.Apiforge.CreateTradingPermission { AccountId = 7, UserId = 42 }).ConfigureAwait(false);
        return response.TradingPermission!.Id!.Value;
    }

    private static async Task<global::Bench.Apiforge.TradingPermissionResponse> CreateTradingPermissionAsync(HttpClient httpClient, global::Bench.Apiforge.CreateTradingPermission? body, CancellationToken cancellationToken = default)
        => (await CreateTradingPermissionWithResponseAsync(httpClient, body, cancellationToken).ConfigureAwait(false)).Value;

    private static async Task<ApiResult<global::Bench.Apiforge.TradingPermissionResponse>> CreateTradingPermissionWithResponseAsync(HttpClient httpClient, global::Bench.Apiforge.CreateTradingPermission? body, CancellationToken cancellationToken = default)
    {
        var __url = new RequestUriBuilder(httpClient.BaseAddress, global::Bench.Apiforge.SeedClient.DefaultBaseAddress);
        __url.AppendPath("/user/createtradingpermission");
        using var __request = new HttpRequestMessage(HttpMethod.Post, __url.ToUri());
        if (body is not null)
        {
            __request.Content = ApiContent.Json(body, global::Bench.Apiforge.SeedClientJsonContext.Default.CreateTradingPermission, "application/json");
        }
        __request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var __response = await ApiResponse.SendAsync(httpClient, __request, cancellationToken).ConfigureAwait(false);
        if (!__response.IsSuccessStatusCode)
        {
            await ApiResponse.EnsureSuccessAsync(__response, cancellationToken).ConfigureAwait(false);
        }
        var __value = await ApiResponse.ReadJsonAsync(__response, global::Bench.Apiforge.SeedClientJsonContext.Default.TradingPermissionResponse, cancellationToken).ConfigureAwait(false);
        return ApiResult.From<global::Bench.Apiforge.TradingPermissionResponse>(__response, __value);
    }
}
