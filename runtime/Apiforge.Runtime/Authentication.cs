using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>Supplies access tokens. Implementations cache and renew as they see fit.</summary>
public interface IAccessTokenSource
{
    /// <summary>A currently valid access token.</summary>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Ready-made token sources.</summary>
public static class AccessTokenSource
{
    /// <summary>A token source over a delegate the caller provides.</summary>
    public static IAccessTokenSource FromDelegate(Func<CancellationToken, ValueTask<string>> getToken)
        => new DelegateAccessTokenSource(getToken ?? throw new ArgumentNullException(nameof(getToken)));

    /// <summary>A fixed token, such as one read from configuration.</summary>
    public static IAccessTokenSource FromToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new DelegateAccessTokenSource(_ => new ValueTask<string>(token));
    }

    private sealed class DelegateAccessTokenSource : IAccessTokenSource
    {
        private readonly Func<CancellationToken, ValueTask<string>> _getToken;

        public DelegateAccessTokenSource(Func<CancellationToken, ValueTask<string>> getToken) => _getToken = getToken;

        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => _getToken(cancellationToken);

        public override string ToString() => nameof(DelegateAccessTokenSource);
    }
}

/// <summary>
/// Adds <c>Authorization: Bearer &lt;token&gt;</c> to every request except those the generated client marks
/// with <see cref="ApiRequest.SkipAuthentication"/> (operations that take no credentials, such as a login).
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenSource _tokenSource;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or let IHttpClientFactory do it.</summary>
    public BearerTokenHandler(IAccessTokenSource tokenSource)
    {
        _tokenSource = tokenSource ?? throw new ArgumentNullException(nameof(tokenSource));
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/>.</summary>
    public BearerTokenHandler(IAccessTokenSource tokenSource, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _tokenSource = tokenSource ?? throw new ArgumentNullException(nameof(tokenSource));
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApiRequest.IsAnonymous(request) && request.Headers.Authorization is null)
        {
            var token = await _tokenSource.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
