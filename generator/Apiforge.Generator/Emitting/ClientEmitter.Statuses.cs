using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Statuses the operation does not document as it does (README "Conformance"): an undocumented 2xx is an error when
/// the operation lists its 2xx codes, and a HEAD's documented 404 is an answer rather than an exception.
/// </summary>
internal static partial class ClientEmitter
{
    /// <summary>
    /// The 2xx statuses the operation's descriptor lists: <c>ApiResponse.SendAsync</c> refuses any other success.
    /// Streamed answers (a file, events) are sent by <c>SendStreamedAsync</c>, which takes every success, as before.
    /// </summary>
    private static IEnumerable<int> DocumentedSuccessStatuses(OperationSpec operation)
        => operation.Response.Kind is ResponseKind.Stream or ResponseKind.Events ? Enumerable.Empty<int>() : operation.DocumentedSuccessStatuses;

    /// <summary>When the answer is an error: not a success and not one of the answer statuses.</summary>
    private static string ErrorCondition(OperationSpec operation)
        => operation.AnswerStatuses.Count == 0
            ? "!__response.IsSuccessStatusCode"
            : "!__response.IsSuccessStatusCode && " + string.Join(" && ", operation.AnswerStatuses.Select(c => $"(int)__response.StatusCode != {c}"));
}
