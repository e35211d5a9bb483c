using Microsoft.Extensions.DependencyInjection;

namespace Tradovate;

/// <summary>Registration of the session's handler in an IHttpClientFactory pipeline.</summary>
public static class TradovateHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds the handler of the registered <see cref="TradovateSession"/> (<see cref="TradovateSession.CreateHandler"/>):
    /// time penalties waited out and resent with their ticket, order failures and violations as exceptions, 429
    /// lockouts refused locally, 423 warnings, dropped sessions logged in again. Add it before
    /// <c>AddStandardResilienceHandler</c>, so penalty waits are outside its timeouts and every attempt meets the lockout gate.
    /// </summary>
    public static IHttpClientBuilder AddTradovateSessionHandler(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler(provider => provider.GetRequiredService<TradovateSession>().CreateHandler());
    }
}
