using System;
using System.Net.Http;

namespace Apiforge.Runtime;

/// <summary>
/// Turns off the automatic redirects of the primary handler under an <see cref="ApiAuthenticationHandler"/>, once,
/// before its first request: a primary handler following redirects itself would carry API key headers and cookies
/// to whatever origin the server names (.NET removes only Authorization), and would repeat a PUT or DELETE on a
/// 301/302. The authentication handler follows redirects itself instead.
/// </summary>
internal sealed class PrimaryHandlerRedirects
{
    private readonly object _gate = new();
    private volatile bool _done;

    public void TurnOff(HttpMessageHandler? inner)
    {
        if (_done) return;
        lock (_gate)
        {
            if (_done) return;
            var primary = inner;
            while (primary is DelegatingHandler delegating) primary = delegating.InnerHandler;
            try
            {
                switch (primary)
                {
                    case HttpClientHandler { AllowAutoRedirect: true } handler:
                        handler.AllowAutoRedirect = false;
                        break;
#if NET
                    case SocketsHttpHandler { AllowAutoRedirect: true } handler:
                        handler.AllowAutoRedirect = false;
                        break;
#endif
                }
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException(
                    $"The {primary!.GetType().Name} under the ApiAuthenticationHandler follows redirects and has sent requests already, so it cannot be changed: " +
                    "it would carry API keys and cookies to other origins. Set AllowAutoRedirect = false on it, or give the ApiAuthenticationHandler a handler of its own.", ex);
            }
            _done = true;
        }
    }
}
