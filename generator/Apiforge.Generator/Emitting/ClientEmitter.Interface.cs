using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>What an operation declares: its signatures, parameters and documentation.</summary>
internal static partial class ClientEmitter
{
    private const string Obsolete = "[global::System.Obsolete(\"Deprecated in the API description.\")]";

    private static bool HasResponseMethod(OperationSpec operation) => operation.Response.Kind != ResponseKind.Stream;

    /// <summary>The result type of the simple method, without <c>Task</c>; null for none.</summary>
    private static string? ValueType(OperationSpec operation, string ns) => operation.Response.Kind switch
    {
        ResponseKind.Json => CSharp.TypeName(operation.Response.Type!, ns, operation.Response.Type!.Nullable || operation.Response.EmptyAllowed),
        ResponseKind.Text => "string",
        ResponseKind.Stream => FileResponse,
        _ => null,
    };

    private static string ReturnType(OperationSpec operation, string ns, bool withResponse)
    {
        var value = ValueType(operation, ns);
        if (withResponse && HasOtherBodies(operation)) return $"{Task}<{ResultTypeName(operation, ns)}>";
        if (withResponse) return value is null ? $"{Task}<{ApiResult}>" : $"{Task}<{ApiResult}<{value}>>";
        return value is null ? Task : $"{Task}<{value}>";
    }

    /// <summary>One parameter of the generated method, in signature order.</summary>
    private sealed record MethodParameter(string Name, string Declaration, string Doc);

    private static List<MethodParameter> SignatureParameters(OperationSpec operation, string ns)
    {
        var result = new List<MethodParameter>();
        foreach (var p in operation.Parameters.Where(p => p.Required))
        {
            result.Add(new(p.Name, $"{CSharp.TypeName(p.Type, ns, false)} {p.Name}",
                Doc(p.Description, $"The {Location(p.Location)} parameter '{MarkdownDoc.Escape(p.WireName)}'.")));
        }
        if (operation.Body is { } body)
        {
            if (body.Kind == BodyKind.Multipart && body.Parts.Count > 0)
            {
                foreach (var part in body.Parts.Where(p => p.Required))
                {
                    result.Add(new(part.Name, $"{PartType(part, ns)} {part.Name}", Doc(part.Description, $"The part '{MarkdownDoc.Escape(part.WireName)}'.")));
                }
            }
            else
            {
                var nullable = !body.Required || body.Type.Nullable;
                var type = body.Kind == BodyKind.Multipart ? body.Type.Name : CSharp.TypeName(body.Type, ns, false);
                result.Add(new(body.Name, $"{type}{(nullable ? "?" : "")} {body.Name}",
                    Doc(body.Description, body.Kind == BodyKind.Multipart ? "The multipart body." : "The request body.")));
            }
            foreach (var part in body.Parts.Where(p => !p.Required))
            {
                result.Add(new(part.Name, $"{PartType(part, ns)}? {part.Name} = null", Doc(part.Description, $"The part '{MarkdownDoc.Escape(part.WireName)}'; left out when null.")));
            }
        }
        foreach (var p in operation.Parameters.Where(p => !p.Required))
        {
            result.Add(new(p.Name, $"{CSharp.TypeName(p.Type, ns, true)} {p.Name} = null",
                Doc(p.Description, $"The {Location(p.Location)} parameter '{MarkdownDoc.Escape(p.WireName)}'; left out when null.")));
        }
        return result;
    }

    private static string Doc(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text!;

    private static string Location(ParameterLocation location) => location.ToString().ToLowerInvariant();

    private static string PartType(PartSpec part, string ns) => part.Kind switch
    {
        PartKind.File => ApiFile,
        PartKind.Files => $"global::System.Collections.Generic.IEnumerable<{ApiFile}>",
        _ => CSharp.TypeName(part.Type, ns, false),
    };

    private static string Signature(OperationSpec operation, string ns, bool withResponse)
    {
        var parameters = SignatureParameters(operation, ns).Select(p => p.Declaration).ToList();
        parameters.Add(OptionsParameter);
        parameters.Add($"{CancellationToken} cancellationToken = default");
        var name = withResponse ? operation.ResponseMethodName : operation.MethodName;
        return $"{ReturnType(operation, ns, withResponse)} {name}({string.Join(", ", parameters)})";
    }

    /// <summary>
    /// The <c>…WithResponseAsync</c> method documents the same call as the simple one: it takes that one's text (the
    /// compiler binds the cref; tools expand it) and says only what it returns, instead of a second copy of it all.
    /// </summary>
    private static void WriteResponseMethodDocs(SourceWriter w, OperationSpec operation)
    {
        w.Line($"/// <inheritdoc cref=\"{operation.MethodName}\" path=\"/*[not(self::returns)]\"/>");
        var what = operation.Response.Kind == ResponseKind.None ? "The status code and headers" : "The response body with the status code and headers";
        CSharp.DocElement(w, "returns", what + ".");
    }

    private static void WriteDocs(SourceWriter w, OperationSpec operation, bool withResponse)
    {
        var summary = operation.Summary ?? operation.Description ?? MarkdownDoc.Escape($"{operation.HttpMethod} {operation.PathTemplate}");
        CSharp.DocElement(w, "summary", summary);
        if (operation.Summary is not null && operation.Description is not null)
        {
            CSharp.DocElement(w, "remarks", operation.Description);
        }
        foreach (var p in SignatureParameters(operation, ns: ""))
        {
            CSharp.DocElement(w, "param", p.Doc, $"name=\"{p.Name.TrimStart('@')}\"");
        }
        w.Line(OptionsDoc);
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        if (withResponse)
        {
            var what = operation.Response.Kind == ResponseKind.None ? "The status code and headers" : "The response body with the status code and headers";
            CSharp.DocElement(w, "returns", what + ".");
        }
        else if (operation.Response.Kind != ResponseKind.None)
        {
            CSharp.DocElement(w, "returns", Doc(operation.Response.Description, "The response body."));
        }
        foreach (var error in operation.Errors)
        {
            var status = error.Status == "default" ? "any other error status" : "status " + error.Status;
            CSharp.DocElement(w, "exception", $"{Doc(error.Description, "An error")} ({status}), with the parsed body in Error.",
                $"cref=\"{ApiExceptionCref}{{T}}\"");
        }
        w.Line($"/// <exception cref=\"{ApiExceptionCref}\">The server answered with a status code that is not a success.</exception>");
    }

    /// <summary>An operation's declarations in an interface (the root client's or a group's).</summary>
    private static void WriteInterfaceOperation(SourceWriter w, OperationSpec operation, string ns)
    {
        if (operation.Response.Kind == ResponseKind.Events)
        {
            WriteEventStreamDeclaration(w, operation, ns);
            return;
        }
        WriteDocs(w, operation, withResponse: false);
        if (operation.Deprecated) w.Line(Obsolete);
        w.Line($"{Signature(operation, ns, withResponse: false)};");
        if (HasResponseMethod(operation))
        {
            w.Line();
            WriteResponseMethodDocs(w, operation);
            if (operation.Deprecated) w.Line(Obsolete);
            w.Line($"{Signature(operation, ns, withResponse: true)};");
        }
        if (HasStreamVariant(operation))
        {
            w.Line();
            WriteEventStreamDeclaration(w, operation, ns);
        }
    }

    /// <summary>An operation's implementations in a class (the root client or a group); <paramref name="index"/> is its place in the client's operations.</summary>
    private static void WriteClassOperation(SourceWriter w, ClientSpec client, OperationSpec operation, int index, Dictionary<TypeRef, string> typeInfoNames, HashSet<string> validated)
    {
        var ns = client.Namespace;
        if (operation.Response.Kind == ResponseKind.Events)
        {
            WriteEventStreamImplementation(w, client, operation, index, typeInfoNames, validated);
            return;
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        if (operation.Deprecated) w.Line(Obsolete);
        if (!HasResponseMethod(operation))
        {
            w.Line($"public async {Signature(operation, ns, withResponse: false)}");
            w.OpenBrace();
            WriteBody(w, client, operation, index, typeInfoNames, validated);
            w.CloseBrace();
        }
        else
        {
            var arguments = string.Join(", ", SignatureParameters(operation, ns).Select(p => p.Name).Concat(new[] { "options", "cancellationToken" }));
            var call = $"{operation.ResponseMethodName}({arguments})";
            if (operation.Response.Kind == ResponseKind.None)
            {
                w.Line($"public {Signature(operation, ns, withResponse: false)} => {call};");
            }
            else if (HasOtherBodies(operation))
            {
                // The result is a subclass of ApiResult<T>, and Task<T> is not covariant: this one awaits itself.
                w.Line($"public async {Signature(operation, ns, withResponse: false)}");
                w.Line($"    => (await {call}.ConfigureAwait(false)).Value;");
            }
            else
            {
                // One runtime method awaits the call for every operation: no state machine per operation to compile.
                w.Line($"public {Signature(operation, ns, withResponse: false)} => {ApiResponse}.ValueAsync({call});");
            }
            w.Line();
            w.Line("/// <inheritdoc/>");
            if (operation.Deprecated) w.Line(Obsolete);
            var wholeCall = IsWholeCall(operation);
            w.Line($"public {(wholeCall ? "" : "async ")}{Signature(operation, ns, withResponse: true)}");
            w.OpenBrace();
            if (wholeCall)
            {
                // As from an async method, a failed argument check or request comes back in the task, not thrown at the call.
                w.Line("try");
                w.OpenBrace();
                WriteBody(w, client, operation, index, typeInfoNames, validated, wholeCall: true);
                w.CloseBrace();
                w.Line("catch (global::System.Exception __exception)");
                w.OpenBrace();
                var value = ValueType(operation, ns);
                w.Line($"return {Task}.FromException<{(value is null ? ApiResult : $"{ApiResult}<{value}>")}>(__exception);");
                w.CloseBrace();
            }
            else
            {
                WriteBody(w, client, operation, index, typeInfoNames, validated);
            }
            w.CloseBrace();
        }
        if (HasStreamVariant(operation)) WriteEventStreamImplementation(w, client, operation, index, typeInfoNames, validated);
    }
}
