using System.Linq;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Several 2xx bodies: an operation whose success statuses carry bodies of different types gets a result class nested
/// in the client (<c>{Client}.{Operation}Result</c>), an <c>ApiResult</c> of the first body with one property per
/// other status (<c>Status201</c>); the status that came decides which one is set.
/// </summary>
internal static partial class ClientEmitter
{
    private static bool HasOtherBodies(OperationSpec operation)
        => operation.Response.Kind == ResponseKind.Json && operation.Response.OtherBodies.Count > 0;

    private static string ResultClassName(OperationSpec operation)
    {
        var name = operation.Response.ResultTypeName!;
        return name.Substring(name.LastIndexOf('.') + 1);
    }

    private static string ResultTypeName(OperationSpec operation, string ns) => $"global::{ns}.{operation.Response.ResultTypeName}";

    private static string OtherBodyProperty(SuccessBodySpec body) => "Status" + body.Status;

    private static string ParameterOf(SuccessBodySpec body) => "status" + body.Status;

    /// <summary>Before the first body's read: a status with another body type reads that type and returns.</summary>
    private static void WriteOtherBodiesRead(SourceWriter w, OperationSpec operation, string ns, System.Func<TypeRef, string> typeInfo)
    {
        if (!HasOtherBodies(operation)) return;
        w.Line("switch ((int)__response.StatusCode)");
        w.OpenBrace();
        foreach (var body in operation.Response.OtherBodies)
        {
            var read = body.Type.Nullable ? "ReadJsonOrNullAsync" : "ReadJsonAsync";
            w.Line($"case {body.Status}:");
            w.Line($"    return new {ResultTypeName(operation, ns)}(__response, default, {ParameterOf(body)}: await {ApiResponse}.{read}(__response, {typeInfo(body.Type)}, cancellationToken).ConfigureAwait(false));");
        }
        w.CloseBrace();
    }

    private static void WriteResultTypes(SourceWriter w, ClientSpec client)
    {
        var ns = client.Namespace;
        foreach (var operation in client.Operations.Where(HasOtherBodies))
        {
            var name = ResultClassName(operation);
            var value = ValueType(operation, ns);
            var others = operation.Response.OtherBodies;
            w.Line();
            CSharp.DocElement(w, "summary", $"The answer of {operation.MethodName}: the body of the status that came, typed. Value is the body of the first success status, null for the others.");
            w.Line(GeneratorInfo.GeneratedCodeAttribute);
            w.Line($"public sealed class {name} : {ApiResult}<{value}>");
            w.OpenBrace();
            var parameters = string.Join(", ", others.Select(b => $"{CSharp.TypeName(b.Type, ns, true)} {ParameterOf(b)} = default"));
            w.Line("/// <summary>Creates the result from the response and the body read for its status.</summary>");
            w.Line($"public {name}({HttpAlias}::HttpResponseMessage response, {value} value, {parameters})");
            w.Line("    : base(response, value)");
            w.OpenBrace();
            foreach (var body in others)
            {
                w.Line($"{OtherBodyProperty(body)} = {ParameterOf(body)};");
            }
            w.CloseBrace();
            foreach (var body in others)
            {
                w.Line();
                CSharp.DocElement(w, "summary", $"The body of a {body.Status} answer ({body.Description ?? "no description"}); null for other statuses.");
                w.Line($"public {CSharp.TypeName(body.Type, ns, true)} {OtherBodyProperty(body)} {{ get; }}");
            }
            w.CloseBrace();
        }
    }
}
