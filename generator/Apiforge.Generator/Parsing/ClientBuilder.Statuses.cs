using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Which statuses are answers (the AutoRest test server's rule): a 2xx the operation does not document is an error
/// when it lists its 2xx codes exactly and documents a body, since the client cannot know what that answer carries;
/// a HEAD's documented 404 means "does not exist", an answer, not an error.
/// </summary>
internal sealed partial class ClientBuilder
{
    private static EquatableArray<int> DocumentedSuccessStatuses(OpenApiOperation operation, ResponseSpec response)
    {
        // Without a documented body nothing can be misread: servers answer 200 and 204 interchangeably there.
        if (response.Kind == ResponseKind.None) return EquatableArray<int>.Empty;
        if (operation.Responses is not { Count: > 0 } responses) return EquatableArray<int>.Empty;
        var codes = new List<int>();
        foreach (var key in responses.Keys)
        {
            if (!IsSuccessKey(key)) continue;
            // A 2XX range admits every 2xx.
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return EquatableArray<int>.Empty;
            codes.Add(code);
        }
        return codes.OrderBy(c => c).ToEquatableArray();
    }

    private static EquatableArray<int> AnswerStatuses(OpenApiOperation operation, string method)
        => method == "HEAD" && operation.Responses?.ContainsKey("404") == true
            ? new[] { 404 }.ToEquatableArray()
            : EquatableArray<int>.Empty;
}
