using System.Collections.Generic;
using System.Linq;
using System.Text;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>Emits <c>I{Client}</c> and <c>{Client}</c>: one method per operation.</summary>
internal static class ClientEmitter
{
    private const string Http = "global::System.Net.Http";
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string Runtime = "global::Apiforge.Runtime";

    public static string Emit(ClientSpec client)
    {
        var ns = client.Namespace;
        var typeInfoNames = client.JsonTypes.ToDictionary(t => t.Type, t => t.PropertyName);
        var w = new SourceWriter();
        w.Lines(CSharp.Header);
        w.Line($"namespace {ns};");
        w.Line();

        CSharp.DocElement(w, "summary", client.Description ?? $"The {client.ClientName} API.");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Apiforge\", \"1.0\")]");
        w.Line($"public partial interface I{client.ClientName}");
        w.OpenBrace();
        var first = true;
        foreach (var operation in client.Operations)
        {
            if (!first) w.Line();
            first = false;
            WriteDocs(w, operation);
            if (operation.Deprecated) w.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
            w.Line($"{Signature(operation, ns)};");
        }
        w.CloseBrace();
        w.Line();

        CSharp.DocElement(w, "summary", client.Description ?? $"The {client.ClientName} API.");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Apiforge\", \"1.0\")]");
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

        foreach (var operation in client.Operations)
        {
            w.Line();
            w.Line("/// <inheritdoc/>");
            if (operation.Deprecated) w.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
            w.Line($"public async {Signature(operation, ns)}");
            w.OpenBrace();
            WriteBody(w, client, operation, typeInfoNames);
            w.CloseBrace();
        }
        w.CloseBrace();
        return w.ToString();
    }

    private static IEnumerable<ParameterSpec> RequiredParameters(OperationSpec operation) => operation.Parameters.Where(p => p.Required);

    private static IEnumerable<ParameterSpec> OptionalParameters(OperationSpec operation) => operation.Parameters.Where(p => !p.Required);

    private static string ReturnType(OperationSpec operation, string ns) => operation.Response.Kind switch
    {
        ResponseKind.Json => $"{Task}<{CSharp.TypeName(operation.Response.Type!, ns, operation.Response.Type!.Nullable)}>",
        ResponseKind.Text => $"{Task}<string>",
        ResponseKind.Stream => $"{Task}<{Runtime}.FileResponse>",
        _ => Task,
    };

    private static string Signature(OperationSpec operation, string ns)
    {
        var parameters = new List<string>();
        foreach (var p in RequiredParameters(operation))
        {
            parameters.Add($"{CSharp.TypeName(p.Type, ns, false)} {p.Name}");
        }
        if (operation.Body is { } body)
        {
            parameters.Add($"{CSharp.TypeName(body.Type, ns, !body.Required || body.Type.Nullable)} {body.Name}");
        }
        foreach (var p in OptionalParameters(operation))
        {
            parameters.Add($"{CSharp.TypeName(p.Type, ns, true)} {p.Name} = null");
        }
        parameters.Add($"{CancellationToken} cancellationToken = default");
        return $"{ReturnType(operation, ns)} {operation.MethodName}({string.Join(", ", parameters)})";
    }

    private static void WriteDocs(SourceWriter w, OperationSpec operation)
    {
        var summary = operation.Summary ?? operation.Description ?? $"{operation.HttpMethod} {operation.PathTemplate}";
        CSharp.DocElement(w, "summary", summary);
        if (operation.Summary is not null && operation.Description is not null)
        {
            CSharp.DocElement(w, "remarks", operation.Description);
        }
        foreach (var p in RequiredParameters(operation))
        {
            CSharp.DocElement(w, "param", p.Description ?? $"The {p.Location.ToString().ToLowerInvariant()} parameter '{p.WireName}'.", $"name=\"{p.Name.TrimStart('@')}\"");
        }
        if (operation.Body is { } body)
        {
            CSharp.DocElement(w, "param", body.Description ?? "The request body.", $"name=\"{body.Name}\"");
        }
        foreach (var p in OptionalParameters(operation))
        {
            CSharp.DocElement(w, "param", p.Description ?? $"The {p.Location.ToString().ToLowerInvariant()} parameter '{p.WireName}'; left out when null.", $"name=\"{p.Name.TrimStart('@')}\"");
        }
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        if (operation.Response.Kind != ResponseKind.None)
        {
            CSharp.DocElement(w, "returns", operation.Response.Description ?? "The response body.");
        }
        w.Line($"/// <exception cref=\"{Runtime}.ApiException\">The server answered with a status code that is not a success.</exception>");
    }

    private static void WriteBody(SourceWriter w, ClientSpec client, OperationSpec operation, Dictionary<TypeRef, string> typeInfoNames)
    {
        var ns = client.Namespace;
        var baseAddress = client.DefaultBaseAddress is null ? "null" : "DefaultBaseAddress";
        w.Line($"var __url = new {Runtime}.RequestUriBuilder(_httpClient.BaseAddress, {baseAddress});");
        WritePath(w, operation, ns);
        foreach (var p in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            WriteParameter(w, p, ns, value => $"__url.AppendQuery({CSharp.Literal(p.WireName)}, {value});", explodeLists: p.Explode);
        }
        w.Line($"using var __request = new {Http}.HttpRequestMessage({HttpMethod(operation.HttpMethod)}, __url.ToUri());");
        foreach (var p in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            WriteParameter(w, p, ns, value => $"__request.Headers.TryAddWithoutValidation({CSharp.Literal(p.WireName)}, {value});", explodeLists: false);
        }
        foreach (var p in operation.Parameters.Where(p => p.Location == ParameterLocation.Cookie))
        {
            WriteParameter(w, p, ns, value => $"{Runtime}.ApiRequest.AddCookie(__request, {CSharp.Literal(p.WireName)}, {value});", explodeLists: false);
        }
        if (!operation.RequiresAuthentication)
        {
            w.Line($"__request.Options.Set({Runtime}.ApiRequest.SkipAuthentication, true);");
        }
        if (operation.Body is { } body)
        {
            // An optional body of a value type (an enum, a number) is a Nullable<T>: pass its value, or T is not inferred.
            var bodyValue = (!body.Required || body.Type.Nullable) && body.Type.IsValueType ? body.Name + ".Value" : body.Name;
            var content = body.Kind switch
            {
                BodyKind.Json => $"{Runtime}.ApiContent.Json({bodyValue}, {client.ContextName}.Default.{typeInfoNames[body.Type.WithNullable(false)]}, {CSharp.Literal(body.MediaType)})",
                BodyKind.Text => $"{Runtime}.ApiContent.Text({body.Name}, {CSharp.Literal(body.MediaType)})",
                _ => $"{Runtime}.ApiContent.Binary({body.Name}, {CSharp.Literal(body.MediaType)})",
            };
            if (!body.Required || body.Type.Nullable)
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
        if (operation.Response.Kind == ResponseKind.Json || operation.Response.Kind == ResponseKind.Text)
        {
            var accept = operation.Response.MediaType ?? "application/json";
            w.Line($"__request.Headers.TryAddWithoutValidation(\"Accept\", {CSharp.Literal(accept)});");
        }

        var send = $"await _httpClient.SendAsync(__request, {Http}.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)";
        switch (operation.Response.Kind)
        {
            case ResponseKind.Stream:
                w.Line($"var __response = {send};");
                w.Line($"return await {Runtime}.ApiResponse.ReadFileAsync(__response, cancellationToken).ConfigureAwait(false);");
                break;
            case ResponseKind.Json:
                w.Line($"using var __response = {send};");
                w.Line($"await {Runtime}.ApiResponse.EnsureSuccessAsync(__response, cancellationToken).ConfigureAwait(false);");
                var type = operation.Response.Type!;
                var method = type.Nullable ? "ReadJsonOrNullAsync" : "ReadJsonAsync";
                w.Line($"return await {Runtime}.ApiResponse.{method}(__response, {client.ContextName}.Default.{typeInfoNames[type.WithNullable(false)]}, cancellationToken).ConfigureAwait(false);");
                break;
            case ResponseKind.Text:
                w.Line($"using var __response = {send};");
                w.Line($"await {Runtime}.ApiResponse.EnsureSuccessAsync(__response, cancellationToken).ConfigureAwait(false);");
                w.Line($"return await {Runtime}.ApiResponse.ReadTextAsync(__response, cancellationToken).ConfigureAwait(false);");
                break;
            default:
                w.Line($"using var __response = {send};");
                w.Line($"await {Runtime}.ApiResponse.EnsureSuccessAsync(__response, cancellationToken).ConfigureAwait(false);");
                break;
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

    private static void WritePath(SourceWriter w, OperationSpec operation, string ns)
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
                w.Line($"__url.AppendPathValue({Format(parameter.Type, ns, parameter.Name)});");
            }
            index = close + 1;
        }
    }

    /// <summary>Percent-encodes what may not stand in a URI path as it is; '/' stays a separator.</summary>
    private static string EscapePathLiteral(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".IndexOf(c) >= 0)
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

    private static void WriteParameter(SourceWriter w, ParameterSpec p, string ns, System.Func<string, string> add, bool explodeLists)
    {
        var value = p.Name;
        var valueAccess = !p.Required && p.Type.IsValueType ? value + ".Value" : value;
        if (!p.Required)
        {
            w.Line($"if ({value} is not null)");
            w.OpenBrace();
        }
        if (p.Type.Kind == TypeRefKind.List)
        {
            var element = p.Type.Element!;
            if (explodeLists)
            {
                w.Line($"foreach (var __item in {valueAccess})");
                w.OpenBrace();
                w.Line(add(Format(element, ns, "__item")));
                w.CloseBrace();
            }
            else
            {
                w.Line(add($"string.Join(\",\", global::System.Linq.Enumerable.Select({valueAccess}, static __item => {Format(element, ns, "__item")}))"));
            }
        }
        else
        {
            w.Line(add(Format(p.Type, ns, valueAccess)));
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
            TypeRefKind.Any => $"{value}.GetRawText()",
            TypeRefKind.Primitive => $"{Runtime}.ApiFormat.Format({value})",
            _ => throw new System.InvalidOperationException("The parser lets only simple parameter types through; got " + type.Kind + "."),
        };
    }
}
