using System.Linq;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// The answer: send, throw on an error status (the documented error bodies typed), then read the body or hand over
/// the stream. A documented operation's undocumented 2xx is refused by <c>ApiResponse.SendAsync</c> itself, from the
/// statuses in the operation's descriptor.
/// </summary>
internal static partial class ClientEmitter
{
    /// <summary>After the request is built: the Accept header, the send, the error statuses, the result.</summary>
    private static void WriteResponse(SourceWriter w, ClientSpec client, OperationSpec operation, int index, System.Func<TypeRef, string> typeInfo)
    {
        var ns = client.Namespace;
        WriteAccept(w, operation);

        if (operation.Response.Kind == ResponseKind.Stream)
        {
            // Not disposed here on success: the FileResponse owns the response and the caller disposes it.
            w.Lines($$"""
                var __response = await {{ApiResponse}}.SendStreamedAsync(_httpClient, __request, {{OperationField(index)}}, options, cancellationToken).ConfigureAwait(false);
                if (!__response.IsSuccessStatusCode)
                {
                    using (__response)
                    {
                """);
            w.Indentation += 2;
            WriteErrors(w, operation, typeInfo);
            w.Indentation -= 2;
            w.Lines($$"""
                    }
                }
                return await {{ApiResponse}}.ReadFileAsync(__response, cancellationToken).ConfigureAwait(false);
                """);
            return;
        }
        // Bounded by HttpClient.Timeout to the last byte of the body, not only to the headers.
        w.Line($"using var __response = await {ApiResponse}.SendAsync(_httpClient, __request, {OperationField(index)}, options, cancellationToken).ConfigureAwait(false);");
        if (operation.Errors.Count == 0 && operation.AnswerStatuses.Count == 0)
        {
            w.Line(EnsureSuccess);
        }
        else
        {
            w.Line($"if ({ErrorCondition(operation)})");
            w.OpenBrace();
            WriteErrors(w, operation, typeInfo);
            w.CloseBrace();
        }
        switch (operation.Response.Kind)
        {
            case ResponseKind.Json:
                WriteErrorTextCheck(w, client);
                WriteOtherBodiesRead(w, operation, ns, typeInfo);
                var type = operation.Response.Type!;
                if ((operation.Response.EmptyAllowed || type.Nullable) && type.IsValueType)
                {
                    // ReadJsonOrNullAsync<T> gives default(T), not null, for a value type: an empty body or a JSON null is null here.
                    w.Line($"var __value = await {ApiResponse}.ReadJsonValueOrNullAsync(__response, {typeInfo(type)}, cancellationToken).ConfigureAwait(false);");
                }
                else
                {
                    var method = type.Nullable || operation.Response.EmptyAllowed ? "ReadJsonOrNullAsync" : "ReadJsonAsync";
                    w.Line($"var __value = await {ApiResponse}.{method}(__response, {typeInfo(type)}, cancellationToken).ConfigureAwait(false);");
                }
                w.Line(HasOtherBodies(operation)
                    ? $"return new {ResultTypeName(operation, ns)}(__response, __value);"
                    : $"return {ApiResult}.From<{ValueType(operation, ns)}>(__response, __value);");
                break;
            case ResponseKind.Text:
                w.Line($"var __value = await {ApiResponse}.ReadTextAsync(__response, cancellationToken).ConfigureAwait(false);");
                w.Line($"return {ApiResult}.From<string>(__response, __value);");
                break;
            default:
                WriteErrorTextCheck(w, client);
                w.Line($"return {ApiResult}.From(__response);");
                break;
        }
    }

    private static void WriteAccept(SourceWriter w, OperationSpec operation)
    {
        if (operation.Response.Kind != ResponseKind.Json && operation.Response.Kind != ResponseKind.Text) return;
        var accept = operation.Response.MediaType ?? "application/json";
        // A media type key of a hostile document must not split the header: such an Accept is left out.
        if (accept.IndexOfAny(new[] { '\r', '\n', '\0' }) < 0)
        {
            w.Line($"__request.Headers.TryAddWithoutValidation(\"Accept\", {CSharp.Literal(accept)});");
        }
    }

    /// <summary>
    /// Whether the <c>…WithResponseAsync</c> method hands its request to one runtime call (<c>ApiResponse.CallJsonAsync</c>
    /// or <c>CallAsync</c>) instead of awaiting the answer itself: a JSON body that may not be null, or none; no error
    /// body or one for every error status; no answer statuses; a request body without caller streams. Such a method has
    /// no state machine: cheaper to compile (7% of Stripe's client) and to call.
    /// </summary>
    private static bool IsWholeCall(OperationSpec operation)
    {
        var response = operation.Response;
        var bodyFits = response.Kind == ResponseKind.None ||
                       response.Kind == ResponseKind.Json && response.Type is { Nullable: false } && !response.EmptyAllowed && !HasOtherBodies(operation);
        return bodyFits &&
               operation.AnswerStatuses.Count == 0 &&
               (operation.Errors.Count == 0 || operation.Errors.Count == 1 && operation.Errors[0].Status == "default") &&
               operation.Body is null or { Kind: BodyKind.Json or BodyKind.Form };
    }

    /// <summary>The return of a whole-call method (<see cref="IsWholeCall"/>), after its request is built.</summary>
    private static void WriteWholeCall(SourceWriter w, ClientSpec client, OperationSpec operation, int index, System.Func<TypeRef, string> typeInfo)
    {
        WriteAccept(w, operation);
        var error = operation.Errors.Count == 1 ? typeInfo(operation.Errors[0].Type) + ", " : "";
        var errorText = client.ErrorTextProperty is null ? "null" : CSharp.Literal(client.ErrorTextProperty);
        w.Line(operation.Response.Kind == ResponseKind.Json
            ? $"return {ApiResponse}.CallJsonAsync(_httpClient, __request, {OperationField(index)}, options, {typeInfo(operation.Response.Type!)}, {error}{errorText}, cancellationToken);"
            : $"return {ApiResponse}.CallAsync(_httpClient, __request, {OperationField(index)}, options, {error}{errorText}, cancellationToken);");
    }

    /// <summary>The plain exception for an error status; returns at once on a success.</summary>
    private const string EnsureSuccess = $"await {ApiResponse}.EnsureSuccessAsync(__response, cancellationToken).ConfigureAwait(false);";

    /// <summary>Inside <c>if (!IsSuccessStatusCode)</c>: the documented error bodies, then the plain exception.</summary>
    private static void WriteErrors(SourceWriter w, OperationSpec operation, System.Func<TypeRef, string> typeInfo)
    {
        var errors = operation.Errors;
        if (errors.Any(e => e.Status != "default"))
        {
            w.Line("var __status = (int)__response.StatusCode;");
        }
        foreach (var error in errors)
        {
            var read = $"throw await {ApiResponse}.ReadErrorAsync(__response, {typeInfo(error.Type)}, cancellationToken).ConfigureAwait(false);";
            if (error.Status == "default")
            {
                w.Line(read);
                return;
            }
            var condition = error.Status.EndsWith("XX", System.StringComparison.Ordinal)
                ? $"__status >= {error.Status[0]}00 && __status <= {error.Status[0]}99"
                : $"__status == {error.Status}";
            w.Line($"if ({condition})");
            w.OpenBrace();
            w.Line(read);
            w.CloseBrace();
        }
        w.Line(EnsureSuccess);
    }


    /// <summary>With ErrorTextProperty set: a success whose JSON carries a non-empty error text throws.</summary>
    private static void WriteErrorTextCheck(SourceWriter w, ClientSpec client)
    {
        if (client.ErrorTextProperty is null) return;
        w.Line($"await {ApiErrorText}.ThrowIfPresentAsync(__response, {CSharp.Literal(client.ErrorTextProperty)}, cancellationToken).ConfigureAwait(false);");
    }
}
