using System.Collections.Generic;
using System.Linq;
using System.Text;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Emits <c>I{Client}</c> and <c>{Client}</c>: per operation a simple method (<c>XAsync</c>, the body or nothing) and,
/// unless the result is a stream (which carries its own status and headers), <c>XWithResponseAsync</c> with the
/// status code and headers as well.
/// </summary>
internal static partial class ClientEmitter
{
    private const string Http = "global::System.Net.Http";
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string Runtime = "global::Apiforge.Runtime";
    private const string Json = "global::System.Text.Json.JsonSerializer";

    public static string Emit(ClientSpec client)
    {
        var ns = client.Namespace;
        var typeInfoNames = client.JsonTypes.ToDictionary(t => t.Type, t => t.PropertyName);
        var validated = ValidationEmitter.ValidatedTypes(client);
        var w = new SourceWriter { DocBaseUri = client.DocBaseUri };
        w.Lines(CSharp.Header);
        w.Line($"namespace {ns};");
        w.Line();

        CSharp.DocElement(w, "summary", client.Description ?? $"The {client.ClientName} API.");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"public partial interface I{client.ClientName}");
        w.OpenBrace();
        var first = true;
        foreach (var operation in RootOperations(client))
        {
            if (!first) w.Line();
            first = false;
            WriteInterfaceOperation(w, operation, ns);
        }
        w.CloseBrace();
        w.Line();

        CSharp.DocElement(w, "summary", client.Description ?? $"The {client.ClientName} API.");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"public partial class {client.ClientName} : I{client.ClientName}");
        w.OpenBrace();
        if (client.DefaultBaseAddress is not null)
        {
            w.Line("/// <summary>The first server of the API description; used when the <c>HttpClient</c> has no <c>BaseAddress</c>.</summary>");
            w.Line($"public const string DefaultBaseAddress = {CSharp.Literal(client.DefaultBaseAddress)};");
            w.Line();
        }
        w.Line($"private readonly {Http}.HttpClient _httpClient;");
        w.Line();
        w.Line($"/// <summary>Creates the client over <paramref name=\"httpClient\"/>; its <c>BaseAddress</c>, when set, is the API's root.</summary>");
        w.Line($"public {client.ClientName}({Http}.HttpClient httpClient)");
        w.OpenBrace();
        w.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        w.CloseBrace();
        WriteSecurityFields(w, client);
        WriteOperationFields(w, client);

        foreach (var operation in RootOperations(client))
        {
            WriteClassOperation(w, client, operation, typeInfoNames, validated);
        }
        WriteResultTypes(w, client);
        w.CloseBrace();
        WriteGroups(w, client, typeInfoNames, validated);
        return w.ToString();
    }

    private static bool HasResponseMethod(OperationSpec operation) => operation.Response.Kind != ResponseKind.Stream;

    /// <summary>The result type of the simple method, without <c>Task</c>; null for none.</summary>
    private static string? ValueType(OperationSpec operation, string ns) => operation.Response.Kind switch
    {
        ResponseKind.Json => CSharp.TypeName(operation.Response.Type!, ns, operation.Response.Type!.Nullable || operation.Response.EmptyAllowed),
        ResponseKind.Text => "string",
        ResponseKind.Stream => $"{Runtime}.FileResponse",
        _ => null,
    };

    private static string ReturnType(OperationSpec operation, string ns, bool withResponse)
    {
        var value = ValueType(operation, ns);
        if (withResponse && HasOtherBodies(operation)) return $"{Task}<{ResultTypeName(operation, ns)}>";
        if (withResponse) return value is null ? $"{Task}<{Runtime}.ApiResult>" : $"{Task}<{Runtime}.ApiResult<{value}>>";
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
        PartKind.File => $"{Runtime}.ApiFile",
        PartKind.Files => $"global::System.Collections.Generic.IEnumerable<{Runtime}.ApiFile>",
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
                $"cref=\"{Runtime}.ApiException{{T}}\"");
        }
        w.Line($"/// <exception cref=\"{Runtime}.ApiException\">The server answered with a status code that is not a success.</exception>");
    }

    private static void WriteBody(SourceWriter w, ClientSpec client, OperationSpec operation, Dictionary<TypeRef, string> typeInfoNames, HashSet<string> validated, bool eventStream = false)
    {
        var ns = client.Namespace;
        ValidationEmitter.WriteArgumentChecks(w, client, operation, validated);
        string TypeInfo(TypeRef type) => $"{client.ContextName}.Default.{typeInfoNames[type.WithNullable(false)]}";
        var baseAddress = client.DefaultBaseAddress is null ? "null" : "DefaultBaseAddress";
        WriteArgumentChecks(w, operation);
        w.Line($"var __url = new {Runtime}.RequestUriBuilder(_httpClient.BaseAddress, {baseAddress});");
        WritePath(w, operation, ns, TypeInfo);
        foreach (var p in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            WriteParameter(w, p, ns, TypeInfo);
        }
        w.Line($"using var __request = new {Http}.HttpRequestMessage({HttpMethod(operation.HttpMethod)}, __url.ToUri());");
        foreach (var p in operation.Parameters.Where(p => p.Location is ParameterLocation.Header or ParameterLocation.Cookie))
        {
            WriteParameter(w, p, ns, TypeInfo);
        }
        if (!operation.RequiresAuthentication)
        {
            w.Line($"{Runtime}.ApiRequest.MarkAnonymous(__request);");
        }
        else if (operation.Security.Count > 0)
        {
            w.Line($"{Runtime}.ApiSecurity.Require(__request, {SecurityFieldName(client, operation)});");
        }
        if (operation.Body is { } body)
        {
            WriteRequestBody(w, body, ns, TypeInfo);
        }
        if (eventStream)
        {
            WriteEventStreamRead(w, client, operation, TypeInfo);
            return;
        }
        if (operation.Response.Kind == ResponseKind.Json || operation.Response.Kind == ResponseKind.Text)
        {
            var accept = operation.Response.MediaType ?? "application/json";
            // A media type key of a hostile document must not split the header: such an Accept is left out.
            if (accept.IndexOfAny(new[] { '\r', '\n', '\0' }) < 0)
            {
                w.Line($"__request.Headers.TryAddWithoutValidation(\"Accept\", {CSharp.Literal(accept)});");
            }
        }

        var send = $"await {Runtime}.ApiResponse.SendStreamedAsync(_httpClient, __request, {OperationField(client, operation)}, options, cancellationToken).ConfigureAwait(false)";
        if (operation.Response.Kind == ResponseKind.Stream)
        {
            // Not disposed here on success: the FileResponse owns the response and the caller disposes it.
            w.Line($"var __response = {send};");
            w.Line("if (!__response.IsSuccessStatusCode)");
            w.OpenBrace();
            w.Line("using (__response)");
            w.OpenBrace();
            WriteErrors(w, operation, TypeInfo);
            w.CloseBrace();
            w.CloseBrace();
            w.Line($"return await {Runtime}.ApiResponse.ReadFileAsync(__response, cancellationToken).ConfigureAwait(false);");
            return;
        }
        // Bounded by HttpClient.Timeout to the last byte of the body, not only to the headers.
        w.Line($"using var __response = await {Runtime}.ApiResponse.SendAsync(_httpClient, __request, {OperationField(client, operation)}, options, cancellationToken).ConfigureAwait(false);");
        WriteUndocumentedSuccessCheck(w, operation);
        w.Line($"if ({ErrorCondition(operation)})");
        w.OpenBrace();
        WriteErrors(w, operation, TypeInfo);
        w.CloseBrace();
        switch (operation.Response.Kind)
        {
            case ResponseKind.Json:
                WriteErrorTextCheck(w, client);
                WriteOtherBodiesRead(w, operation, ns, TypeInfo);
                var type = operation.Response.Type!;
                if ((operation.Response.EmptyAllowed || type.Nullable) && type.IsValueType)
                {
                    // ReadJsonOrNullAsync<T> gives default(T), not null, for a value type: an empty body or a JSON null is null here.
                    w.Line($"var __value = await {Runtime}.ApiResponse.ReadJsonValueOrNullAsync(__response, {TypeInfo(type)}, cancellationToken).ConfigureAwait(false);");
                }
                else
                {
                    var method = type.Nullable || operation.Response.EmptyAllowed ? "ReadJsonOrNullAsync" : "ReadJsonAsync";
                    w.Line($"var __value = await {Runtime}.ApiResponse.{method}(__response, {TypeInfo(type)}, cancellationToken).ConfigureAwait(false);");
                }
                w.Line(HasOtherBodies(operation)
                    ? $"return new {ResultTypeName(operation, ns)}(__response, __value);"
                    : $"return {Runtime}.ApiResult.From<{ValueType(operation, ns)}>(__response, __value);");
                break;
            case ResponseKind.Text:
                w.Line($"var __value = await {Runtime}.ApiResponse.ReadTextAsync(__response, cancellationToken).ConfigureAwait(false);");
                w.Line($"return {Runtime}.ApiResult.From<string>(__response, __value);");
                break;
            default:
                WriteErrorTextCheck(w, client);
                w.Line($"return {Runtime}.ApiResult.From(__response);");
                break;
        }
    }

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
            var read = $"throw await {Runtime}.ApiResponse.ReadErrorAsync(__response, {typeInfo(error.Type)}, cancellationToken).ConfigureAwait(false);";
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
        w.Line($"await {Runtime}.ApiResponse.EnsureSuccessAsync(__response, cancellationToken).ConfigureAwait(false);");
    }

    private static void WriteRequestBody(SourceWriter w, BodySpec body, string ns, System.Func<TypeRef, string> typeInfo)
    {
        if (body.Kind == BodyKind.Multipart && body.Parts.Count > 0)
        {
            w.Line($"var __form = new {Http}.MultipartFormDataContent();");
            w.Line("__request.Content = __form;");
            foreach (var part in body.Parts)
            {
                var access = !part.Required && part.Kind is PartKind.Text or PartKind.Json && part.Type.IsValueType ? part.Name + ".Value" : part.Name;
                var contentType = part.ContentType is null ? "null" : CSharp.Literal(part.ContentType);
                var add = part.Kind switch
                {
                    PartKind.File => $"{Runtime}.ApiContent.AddFile(__form, {CSharp.Literal(part.WireName)}, {access}, {contentType});",
                    PartKind.Files => $"{Runtime}.ApiContent.AddFiles(__form, {CSharp.Literal(part.WireName)}, {access}, {contentType});",
                    PartKind.Text => $"{Runtime}.ApiContent.AddText(__form, {CSharp.Literal(part.WireName)}, {Format(part.Type.WithNullable(false), ns, access)}, {contentType});",
                    _ => $"{Runtime}.ApiContent.AddJson(__form, {CSharp.Literal(part.WireName)}, {access}, {typeInfo(part.Type)}, {contentType});",
                };
                if (part.Required)
                {
                    w.Line(add);
                }
                else
                {
                    w.Line($"if ({part.Name} is not null)");
                    w.OpenBrace();
                    w.Line(add);
                    w.CloseBrace();
                }
            }
            return;
        }

        var optional = !body.Required || body.Type.Nullable;
        var value = optional && body.Type.IsValueType && body.Kind != BodyKind.Multipart ? body.Name + ".Value" : body.Name;
        var content = body.Kind switch
        {
            BodyKind.Json => $"{Runtime}.ApiContent.Json({value}, {typeInfo(body.Type)}, {CSharp.Literal(body.MediaType)})",
            BodyKind.Form => $"{Runtime}.ApiContent.Form({value}, {typeInfo(body.Type)}, {FormFields(body)})",
            BodyKind.Text => $"{Runtime}.ApiContent.Text({value}, {CSharp.Literal(body.MediaType)})",
            BodyKind.Multipart => value,
            _ => $"{Runtime}.ApiContent.Binary({value}, {CSharp.Literal(body.MediaType)})",
        };
        if (optional)
        {
            w.Line($"if ({body.Name} is not null)");
            w.OpenBrace();
            w.Line($"__request.Content = {content};");
            w.CloseBrace();
        }
        else
        {
            w.Line($"__request.Content = {content};");
        }
    }

    private static string FormFields(BodySpec body)
    {
        if (body.Fields.Count == 0) return "null";
        var fields = body.Fields.Select(f => $"new({CSharp.Literal(f.WireName)}, {Style(f.Style)}, {(f.Explode ? "true" : "false")})");
        return $"new {Runtime}.FormField[] {{ {string.Join(", ", fields)} }}";
    }

    private static string Style(ParameterStyle style) => $"{Runtime}.ParameterStyle.{style}";

    /// <summary>With ErrorTextProperty set: a success whose JSON carries a non-empty error text throws.</summary>
    private static void WriteErrorTextCheck(SourceWriter w, ClientSpec client)
    {
        if (client.ErrorTextProperty is null) return;
        w.Line($"await {Runtime}.ApiErrorText.ThrowIfPresentAsync(__response, {CSharp.Literal(client.ErrorTextProperty)}, cancellationToken).ConfigureAwait(false);");
    }

    /// <summary>The distinct security requirements of the operations, in order; each becomes one static field.</summary>
    private static List<EquatableArray<EquatableArray<string>>> DistinctSecurity(ClientSpec client)
        => client.Operations.Where(o => o.RequiresAuthentication && o.Security.Count > 0).Select(o => o.Security).Distinct().ToList();

    private static string SecurityFieldName(ClientSpec client, OperationSpec operation)
        => "__security" + DistinctSecurity(client).IndexOf(operation.Security).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The security schemes and requirements the requests are tagged with, for the runtime's authentication handler.</summary>
    private static void WriteSecurityFields(SourceWriter w, ClientSpec client)
    {
        var requirements = DistinctSecurity(client);
        if (requirements.Count == 0) return;
        var schemeFields = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var used = new HashSet<string>(requirements.SelectMany(r => r).SelectMany(a => a), System.StringComparer.Ordinal);
        for (var i = 0; i < client.SecuritySchemes.Count; i++)
        {
            var scheme = client.SecuritySchemes[i];
            if (!used.Contains(scheme.Name)) continue;
            var field = "__scheme" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            schemeFields[scheme.Name] = field;
            var arguments = scheme.Kind == ApiSecuritySchemeKind.ApiKey
                ? $", {CSharp.Literal(scheme.ParameterName ?? "")}, {Runtime}.ApiKeyLocation.{scheme.Location}"
                : "";
            w.Line();
            w.Line($"private static readonly {Runtime}.ApiSecurityScheme {field} = new({CSharp.Literal(scheme.Name)}, {Runtime}.ApiSecuritySchemeKind.{scheme.Kind}{arguments});");
        }
        for (var i = 0; i < requirements.Count; i++)
        {
            var alternatives = requirements[i].Select(a => $"new {Runtime}.ApiSecurityRequirement({string.Join(", ", a.Select(n => schemeFields[n]))})");
            w.Line();
            w.Line($"private static readonly global::System.Collections.Generic.IReadOnlyList<{Runtime}.ApiSecurityRequirement> __security{i.ToString(System.Globalization.CultureInfo.InvariantCulture)} = new {Runtime}.ApiSecurityRequirement[] {{ {string.Join(", ", alternatives)} }};");
        }
    }

    private static string HttpMethod(string method) => method switch
    {
        "GET" => $"{Http}.HttpMethod.Get",
        "PUT" => $"{Http}.HttpMethod.Put",
        "POST" => $"{Http}.HttpMethod.Post",
        "DELETE" => $"{Http}.HttpMethod.Delete",
        "OPTIONS" => $"{Http}.HttpMethod.Options",
        "HEAD" => $"{Http}.HttpMethod.Head",
        "PATCH" => $"{Http}.HttpMethod.Patch",
        "TRACE" => $"{Http}.HttpMethod.Trace",
        _ => $"new {Http}.HttpMethod({CSharp.Literal(method)})",
    };

    private static void WritePath(SourceWriter w, OperationSpec operation, string ns, System.Func<TypeRef, string> typeInfo)
    {
        var template = operation.PathTemplate;
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            var close = open >= 0 ? template.IndexOf('}', open) : -1;
            if (open < 0 || close < 0)
            {
                w.Line($"__url.AppendPath({CSharp.Literal(EscapePathLiteral(template.Substring(index)))});");
                return;
            }
            if (open > index)
            {
                w.Line($"__url.AppendPath({CSharp.Literal(EscapePathLiteral(template.Substring(index, open - index)))});");
            }
            var name = template.Substring(open + 1, close - open - 1);
            var parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.WireName == name);
            if (parameter is null)
            {
                w.Line($"__url.AppendPath({CSharp.Literal(EscapePathLiteral(template.Substring(open, close - open + 1)))});");
            }
            else
            {
                var type = parameter.Type.WithNullable(false);
                if (parameter.Json || Shape(type) == ValueShape.Scalar && parameter.Style is not (ParameterStyle.Label or ParameterStyle.Matrix))
                {
                    w.Line($"__url.AppendPathValue({ValueText(parameter, ns, parameter.Name, escape: false, typeInfo)});");
                }
                else
                {
                    w.Line($"__url.AppendPath({ValueText(parameter, ns, parameter.Name, escape: true, typeInfo)});");
                }
            }
            index = close + 1;
        }
    }

    /// <summary>Percent-encodes what may not stand in a URI path as it is; '/' stays a separator.</summary>
    private static string EscapePathLiteral(string text)
    {
        var builder = new StringBuilder();
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var c = (char)b;
            if (c == '%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
            {
                // Already percent-encoded in the document (/queries/enum/green%20color): sent as written, not as %2520.
                builder.Append(c);
            }
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".IndexOf(c) >= 0)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    private static bool IsHex(byte b) => (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');

    /// <summary>The kind of value a parameter is, for writing it.</summary>
    private enum ValueShape
    {
        /// <summary>A primitive or enum: <c>ApiFormat.Format</c> or the enum's wire string.</summary>
        Scalar,
        /// <summary>A list of scalars: formatted item by item.</summary>
        ScalarList,
        /// <summary>Anything else: serialized to JSON with the generated metadata, then styled.</summary>
        Structured,
    }

    private static ValueShape Shape(TypeRef type)
    {
        if (IsScalar(type)) return ValueShape.Scalar;
        if (type.Kind == TypeRefKind.List && IsScalar(type.Element!)) return ValueShape.ScalarList;
        return ValueShape.Structured;
    }

    private static bool IsScalar(TypeRef type) => type.Kind == TypeRefKind.Enum || type.Kind == TypeRefKind.Primitive && type.Name != PrimitiveNames.Stream;

    private static string JsonElementOf(TypeRef type, string value, System.Func<TypeRef, string> typeInfo)
        => type.Kind == TypeRefKind.Any ? value : $"{Json}.SerializeToElement({value}, {typeInfo(type)})";

    private static string ScalarItems(TypeRef list, string ns, string value)
        => $"global::System.Linq.Enumerable.Select({value}, static __item => {Format(list.Element!, ns, "__item")})";

    /// <summary>The text of a path, header or cookie value.</summary>
    private static string ValueText(ParameterSpec p, string ns, string value, bool escape, System.Func<TypeRef, string> typeInfo)
    {
        var type = p.Type.WithNullable(false);
        var name = CSharp.Literal(p.WireName);
        var esc = escape ? "true" : "false";
        var explode = p.Explode ? "true" : "false";
        if (p.Json) return $"{Json}.Serialize({value}, {typeInfo(type)})";
        return Shape(type) switch
        {
            ValueShape.Scalar => p.Style is ParameterStyle.Label or ParameterStyle.Matrix
                ? $"{Runtime}.ApiParameter.Text({name}, {Format(type, ns, value)}, {Style(p.Style)}, {esc})"
                : Format(type, ns, value),
            ValueShape.ScalarList => $"{Runtime}.ApiParameter.Text({name}, {ScalarItems(type, ns, value)}, {Style(p.Style)}, {explode}, {esc})",
            _ => $"{Runtime}.ApiParameter.Text({name}, {JsonElementOf(type, value, typeInfo)}, {Style(p.Style)}, {explode}, {esc})",
        };
    }

    private static void WriteParameter(SourceWriter w, ParameterSpec p, string ns, System.Func<TypeRef, string> typeInfo)
    {
        var value = !p.Required && p.Type.IsValueType ? p.Name + ".Value" : p.Name;
        if (!p.Required)
        {
            w.Line($"if ({p.Name} is not null)");
            w.OpenBrace();
        }
        var type = p.Type.WithNullable(false);
        var name = CSharp.Literal(p.WireName);
        switch (p.Location)
        {
            case ParameterLocation.Header:
                w.Line($"{Runtime}.ApiRequest.AddHeader(__request, {name}, {ValueText(p, ns, value, escape: false, typeInfo)}, nameof({p.Name}));");
                break;
            case ParameterLocation.Cookie:
                w.Line($"{Runtime}.ApiRequest.AddCookie(__request, {name}, {ValueText(p, ns, value, escape: false, typeInfo)});");
                break;
            default:
                var explode = p.Explode ? "true" : "false";
                if (p.Json)
                {
                    w.Line($"__url.AppendQuery({name}, {Json}.Serialize({value}, {typeInfo(type)}));");
                    break;
                }
                switch (Shape(type))
                {
                    case ValueShape.Scalar:
                        w.Line($"__url.AppendQuery({name}, {Format(type, ns, value)});");
                        break;
                    case ValueShape.ScalarList:
                        w.Line($"__url.AppendQueryEscaped({Runtime}.ApiParameter.Pairs({name}, {ScalarItems(type, ns, value)}, {Style(p.Style)}, {explode}));");
                        break;
                    default:
                        w.Line($"__url.AppendQueryEscaped({Runtime}.ApiParameter.Pairs({name}, {JsonElementOf(type, value, typeInfo)}, {Style(p.Style)}, {explode}));");
                        break;
                }
                break;
        }
        if (!p.Required)
        {
            w.CloseBrace();
        }
    }

    /// <summary>The text of a simple value as it goes into a path, query string or header.</summary>
    private static string Format(TypeRef type, string ns, string value)
    {
        if (type.Nullable)
        {
            var inner = Format(type.WithNullable(false), ns, type.IsValueType ? value + ".Value" : value);
            return $"({value} is null ? \"\" : {inner})";
        }
        return type.Kind switch
        {
            TypeRefKind.Enum => $"{JsonEmitter.ConverterName(ns, type.Name)}.ToWireString({value})",
            TypeRefKind.Primitive => $"{Primitive.Of(type.Name).Formatter}({value})",
            _ => $"{Runtime}.ApiFormat.Format({value})",
        };
    }
}
