using System;
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
