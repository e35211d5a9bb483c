#if !NET
using System.Collections.Generic;

namespace System.Net.Http
{
    /// <summary>netstandard2.0 stand-in for .NET 5's typed request option key; stored in <see cref="HttpRequestMessage.Properties"/>.</summary>
    internal readonly struct HttpRequestOptionsKey<TValue>(string key)
    {
        public string Key { get; } = key;
    }

    /// <summary>The typed view of <see cref="HttpRequestMessage.Properties"/> that .NET 5 calls <c>Options</c>.</summary>
    internal readonly struct HttpRequestOptionsView(IDictionary<string, object?> properties)
    {
        public bool TryGetValue<TValue>(HttpRequestOptionsKey<TValue> key, out TValue value)
        {
            if (properties.TryGetValue(key.Key, out var stored) && stored is TValue typed)
            {
                value = typed;
                return true;
            }
            value = default!;
            return false;
        }

        public void Set<TValue>(HttpRequestOptionsKey<TValue> key, TValue value) => properties[key.Key] = value;
    }

    internal static class HttpRequestMessageOptions
    {
        extension(HttpRequestMessage request)
        {
            /// <summary>The request's typed options (its <see cref="HttpRequestMessage.Properties"/>).</summary>
            public HttpRequestOptionsView Options => new(request.Properties!);
        }
    }
}
#endif
