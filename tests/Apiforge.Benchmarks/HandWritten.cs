using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Apiforge.Benchmarks.HandWritten;

// The baseline a careful developer writes by hand for the seed spec's one operation:
// plain DTOs, a System.Text.Json source-generated context, HttpClient with JsonContent and ReadFromJsonAsync.

public sealed class CreateTradingPermission
{
    public required long AccountId { get; set; }

    public required long UserId { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<TradingPermissionStatus>))]
public enum TradingPermissionStatus
{
    Accepted,
    Approved,
    Declined,
    Requested,
    Revoked,
}

public sealed class TradingPermission
{
    public long? Id { get; set; }

    public required long UserId { get; set; }

    public required long AccountId { get; set; }

    public required string AccountHolderContact { get; set; }

    public required string AccountHolderEmail { get; set; }

    public required string CtaContact { get; set; }

    public required string CtaEmail { get; set; }

    public required TradingPermissionStatus Status { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public long? ApprovedById { get; set; }
}

public sealed class TradingPermissionResponse
{
    public string? ErrorText { get; set; }

    public TradingPermission? TradingPermission { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateTradingPermission))]
[JsonSerializable(typeof(TradingPermissionResponse))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;

public sealed class SeedClient(HttpClient httpClient)
{
    public async Task<TradingPermissionResponse> CreateTradingPermissionAsync(CreateTradingPermission body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "user/createtradingpermission")
        {
            Content = JsonContent.Create(body, SeedJsonContext.Default.CreateTradingPermission),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(SeedJsonContext.Default.TradingPermissionResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The response body was null.");
    }
}
