using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Statuses the operation does not document as it does (README "Conformance"): an undocumented 2xx is an error when
/// the operation lists its 2xx codes, and a HEAD's documented 404 is an answer rather than an exception.
/// </summary>
internal static partial class ClientEmitter
{
    private static void WriteUndocumentedSuccessCheck(SourceWriter w, OperationSpec operation)
    {
        var codes = operation.DocumentedSuccessStatuses;
        if (codes.Count == 0) return;
        w.Line($"if (__response.IsSuccessStatusCode && {string.Join(" && ", codes.Select(c => $"(int)__response.StatusCode != {c}"))})");
        w.OpenBrace();
        w.Line($"throw await {Runtime}.ApiResponse.UndocumentedStatusAsync(__response, cancellationToken).ConfigureAwait(false);");
        w.CloseBrace();
    }

    /// <summary>When the answer is an error: not a success and not one of the answer statuses.</summary>
    private static string ErrorCondition(OperationSpec operation)
        => operation.AnswerStatuses.Count == 0
            ? "!__response.IsSuccessStatusCode"
            : "!__response.IsSuccessStatusCode && " + string.Join(" && ", operation.AnswerStatuses.Select(c => $"(int)__response.StatusCode != {c}"));
}
