using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Apiforge.Runtime;

// What the generated client sets on a request, as methods: request options are typed (HttpRequestOptionsKey) only on
// .NET 5+, and the same generated code must compile against the netstandard2.0 build too.
public static partial class ApiRequest
{
    /// <summary>Marks the request as one that takes no credentials (see <c>SkipAuthentication</c>).</summary>
    public static void MarkAnonymous(HttpRequestMessage request)
        => (request ?? throw new ArgumentNullException(nameof(request))).Options.Set(SkipAuthentication, true);
}

public static partial class ApiSecurity
{
    /// <summary>Tags the request with its operation's security requirement (see <c>Requirements</c>).</summary>
    public static void Require(HttpRequestMessage request, IReadOnlyList<ApiSecurityRequirement> requirements)
        => (request ?? throw new ArgumentNullException(nameof(request))).Options.Set(Requirements, requirements);
}
