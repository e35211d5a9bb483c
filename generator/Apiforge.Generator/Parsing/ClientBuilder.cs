using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>Builds the equatable <see cref="ClientSpec"/> from a read <see cref="OpenApiDocument"/>.</summary>
internal sealed partial class ClientBuilder
{
    private static readonly HttpMethod[] s_methodOrder =
    {
        HttpMethod.Get, HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Options,
        HttpMethod.Head, new("PATCH"), HttpMethod.Trace,
    };

    private readonly SpecInput _input;
    private readonly OpenApiDocument _document;
    private readonly SpecLocator _locator;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Every C# type name in the client's namespace, with the client's own names reserved.</summary>
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);

    /// <summary>Component schema name to its C# name, for components that become a type of their own.</summary>
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingComponents = new(StringComparer.Ordinal);
    private readonly List<TypeSpec> _types = new();
    private readonly HashSet<string> _reportedPointers = new(StringComparer.Ordinal);

    public ClientBuilder(SpecInput input, OpenApiDocument document, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _input = input;
        _document = document;
        _locator = locator;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    private string _clientName = "";
    private string _namespace = "";

    public ClientSpec? Build()
    {
        if (!ReadOptions()) return null;

        var contextName = _clientName + "JsonContext";
        _typeNames.Add(_clientName);
        _typeNames.Add("I" + _clientName);
        _typeNames.Add(contextName);
        // Converters live in {Namespace}.Serialization: no type may take that name.
        _typeNames.Add("Serialization");

        var schemas = _document.Components?.Schemas;
        if (schemas is not null)
        {
            foreach (var pair in schemas)
            {
                if (CreatesType(pair.Value))
                {
                    _componentTypeNames[pair.Key] = Names.Unique(Names.Pascal(pair.Key, "Model"), _typeNames);
                }
            }
            foreach (var pair in schemas)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                ResolveComponent(pair.Key);
            }
        }

        var operations = BuildOperations(out var rootTypes);
        FinishTypes();

        return new ClientSpec(
            _namespace,
            _clientName,
            contextName,
            DefaultBaseAddress(),
            _document.Info?.Description,
            _types.ToEquatableArray(),
            operations.ToEquatableArray(),
            JsonTypes(contextName, rootTypes).ToEquatableArray());
    }

    /// <summary>Every generated type and every body or response type, each with a unique accessor name.</summary>
    private List<JsonTypeInfoSpec> JsonTypes(string contextName, List<TypeRef> rootTypes)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { "Default", "Options", "GetTypeInfo", contextName };
        var result = new List<JsonTypeInfoSpec>();
        var seen = new HashSet<TypeRef>();
        var all = _types.Select(t => new TypeRef(t.Kind is TypeSpecKind.Object or TypeSpecKind.Union ? TypeRefKind.Object : TypeRefKind.Enum, t.Name, null, false))
            .Concat(rootTypes);
        foreach (var type in all)
        {
            if (!seen.Add(type)) continue;
            result.Add(new JsonTypeInfoSpec(type, Names.Unique(AccessorName(type), taken)));
        }
        return result;
    }

    private static string AccessorName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Object or TypeRefKind.Enum => type.Name,
        TypeRefKind.List => "ListOf" + AccessorName(type.Element!) + (type.Element!.Nullable ? "OrNull" : ""),
        TypeRefKind.Map => "DictionaryOf" + AccessorName(type.Element!) + (type.Element!.Nullable ? "OrNull" : ""),
        TypeRefKind.Any => "JsonElement",
        _ => Names.Pascal(type.Name.Replace("[]", "Array"), "Value"),
    };

    private bool ReadOptions()
    {
        var options = _input.Options;
        var ok = true;
        _namespace = options.Namespace ?? options.RootNamespace ?? "Apiforge.Generated";
        if (!Names.IsValidNamespace(_namespace))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "Namespace", _namespace, DocumentParser.FileName(_input.Path), "it must be a dotted list of C# identifiers, such as Acme.Trading"));
            ok = false;
        }

        if (options.ClientName is not null)
        {
            _clientName = options.ClientName;
            if (!Names.IsValidIdentifier(_clientName))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "ClientName", _clientName, DocumentParser.FileName(_input.Path), "it must be a C# identifier, such as AcmeClient"));
                ok = false;
            }
        }
        else
        {
            _clientName = Names.Pascal(_document.Info?.Title, "Api") + "Client";
        }

        if (options.NumberType is { } numberType &&
            !string.Equals(numberType, "double", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(numberType, "decimal", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, null, "NumberType", numberType, DocumentParser.FileName(_input.Path), "use 'double' or 'decimal'"));
            ok = false;
        }
        return ok;
    }

    private string NumberType => string.Equals(_input.Options.NumberType, "decimal", StringComparison.OrdinalIgnoreCase) ? PrimitiveNames.Decimal : PrimitiveNames.Double;

    private string? DefaultBaseAddress()
    {
        var server = _document.Servers?.FirstOrDefault();
        if (server?.Url is not { } url) return null;
        if (server.Variables is not null)
        {
            foreach (var variable in server.Variables)
            {
                url = url.Replace("{" + variable.Key + "}", variable.Value.Default ?? "");
            }
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;
    }

    // ---------------------------------------------------------------- operations

    private List<OperationSpec> BuildOperations(out List<TypeRef> rootTypes)
    {
        var operations = new List<OperationSpec>();
        var roots = new List<TypeRef>();
        var rootSet = new HashSet<TypeRef>();
        var methodNames = new HashSet<string>(StringComparer.Ordinal) { _clientName, "Dispose", "HttpClient", "BaseAddress" };

        void AddRoot(TypeRef type)
        {
            type = type.WithNullable(false);
            if (rootSet.Add(type)) roots.Add(type);
        }

        if (_document.Paths is not null)
        {
            foreach (var path in _document.Paths)
            {
                if (path.Value.Operations is null) continue;
                foreach (var method in s_methodOrder)
                {
                    if (!path.Value.Operations.TryGetValue(method, out var operation)) continue;
                    _cancellationToken.ThrowIfCancellationRequested();
                    var spec = BuildOperation(path.Key, path.Value, method, operation, methodNames);
                    if (spec is null) continue;
                    operations.Add(spec);
                    if (spec.Body is { Kind: BodyKind.Json } body) AddRoot(body.Type);
                    if (spec.Response is { Kind: ResponseKind.Json, Type: { } response }) AddRoot(response);
                }
            }
        }
        rootTypes = roots;
        return operations;
    }

    private OperationSpec? BuildOperation(string path, IOpenApiPathItem pathItem, HttpMethod method, OpenApiOperation operation, HashSet<string> methodNames)
    {
        var methodText = method.Method.ToUpperInvariant();
        var pointer = "#/paths/" + EscapePointer(path) + "/" + method.Method.ToLowerInvariant();
        var baseName = operation.OperationId is { Length: > 0 } id
            ? Names.Pascal(id, "Operation")
            : Names.Pascal(method.Method.ToLowerInvariant() + " " + path, "Operation");
        var operationName = Names.Unique(baseName, methodNames);

        // Parameters: path-level first, overridden by operation-level ones with the same name and location.
        var merged = new List<(IOpenApiParameter Parameter, string Pointer)>();
        if (pathItem.Parameters is not null)
        {
            for (var i = 0; i < pathItem.Parameters.Count; i++)
            {
                merged.Add((pathItem.Parameters[i], "#/paths/" + EscapePointer(path) + "/parameters/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }
        if (operation.Parameters is not null)
        {
            for (var i = 0; i < operation.Parameters.Count; i++)
            {
                var parameter = operation.Parameters[i];
                merged.RemoveAll(p => p.Parameter.Name == parameter.Name && p.Parameter.In == parameter.In);
                merged.Add((parameter, pointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var requiresAuthentication = HasSecurity(operation);
        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var parameters = new List<ParameterSpec>();
        foreach (var (parameter, parameterPointer) in merged)
        {
            if (parameter.Name is null || parameter.In is null) continue;
            if (parameter.In == Microsoft.OpenApi.ParameterLocation.Header &&
                string.Equals(parameter.Name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                // A credential, supplied by the runtime's authentication handler, not by the caller.
                requiresAuthentication = true;
                continue;
            }
            var location = parameter.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => Model.ParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Header => Model.ParameterLocation.Header,
                Microsoft.OpenApi.ParameterLocation.Cookie => Model.ParameterLocation.Cookie,
                _ => Model.ParameterLocation.Query,
            };
            var schema = parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema;
            var type = MapSchema(schema, operationName + Names.Pascal(parameter.Name, "Parameter"), parameterPointer + "/schema", 0);
            if (!IsSimpleParameterType(type))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedOperation, _locator.Locate(parameterPointer),
                    methodText, path, $"the {location.ToString().ToLowerInvariant()} parameter '{parameter.Name}' is an object, which is not supported in that place yet"));
                return null;
            }
            var required = parameter.Required || location == Model.ParameterLocation.Path;
            var name = Names.Camel(parameter.Name, "parameter");
            name = Names.Unique(name.TrimStart('@'), parameterNames);
            parameters.Add(new ParameterSpec(Names.EscapeKeyword(name), parameter.Name, location, type, required,
                parameter.Style is null ? true : parameter.Explode, parameter.Description));
        }

        BodySpec? body = null;
        if (operation.RequestBody is { Content: { Count: > 0 } content } requestBody)
        {
            body = BuildBody(requestBody, content, operationName, pointer + "/requestBody", parameterNames, out var unsupported);
            if (body is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedOperation, _locator.Locate(pointer + "/requestBody"),
                    methodText, path, $"its request body media type ({unsupported}) is not supported yet"));
                return null;
            }
        }

        var response = BuildResponse(operation, operationName, pointer);
        var summary = string.IsNullOrWhiteSpace(operation.Summary) ? null : operation.Summary;
        var description = string.IsNullOrWhiteSpace(operation.Description) ? null : operation.Description;
        return new OperationSpec(operationName + "Async", methodText, path, pointer, summary, description, operation.Deprecated,
            parameters.ToEquatableArray(), body, response, requiresAuthentication);
    }

    private static bool IsSimpleParameterType(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Primitive => type.Name != PrimitiveNames.Stream,
        TypeRefKind.Enum or TypeRefKind.Any => true,
        TypeRefKind.List => type.Element!.Kind != TypeRefKind.List && IsSimpleParameterType(type.Element!),
        _ => false,
    };

    private bool HasSecurity(OpenApiOperation operation)
    {
        var requirements = operation.Security ?? _document.Security;
        return requirements is { Count: > 0 } && requirements.Any(r => r.Count > 0);
    }

    private BodySpec? BuildBody(IOpenApiRequestBody requestBody, IDictionary<string, IOpenApiMediaType> content, string operationName, string pointer, HashSet<string> parameterNames, out string mediaTypes)
    {
        mediaTypes = string.Join(", ", content.Keys);
        var name = Names.Unique("body", parameterNames);
        foreach (var pair in content)
        {
            if (IsJsonMediaType(pair.Key))
            {
                var type = MapSchema(pair.Value.Schema, operationName + "Request", pointer + "/content/" + EscapePointer(pair.Key) + "/schema", 0);
                return new BodySpec(name, BodyKind.Json, pair.Key, type, requestBody.Required, requestBody.Description);
            }
        }
        foreach (var pair in content)
        {
            var mediaType = MediaTypeOnly(pair.Key);
            if (mediaType.StartsWith("text/", StringComparison.Ordinal))
            {
                return new BodySpec(name, BodyKind.Text, pair.Key, TypeRef.Primitive(PrimitiveNames.String), requestBody.Required, requestBody.Description);
            }
            if (mediaType == "application/octet-stream" || mediaType.StartsWith("image/", StringComparison.Ordinal) ||
                mediaType.StartsWith("audio/", StringComparison.Ordinal) || mediaType.StartsWith("video/", StringComparison.Ordinal) ||
                mediaType == "application/pdf" || mediaType == "application/zip" || mediaType == "*/*")
            {
                return new BodySpec(name, BodyKind.Binary, pair.Key, TypeRef.Primitive(PrimitiveNames.Stream), requestBody.Required, requestBody.Description);
            }
        }
        return null;
    }

    private ResponseSpec BuildResponse(OpenApiOperation operation, string operationName, string pointer)
    {
        if (operation.Responses is null) return new ResponseSpec(ResponseKind.None, null, null, null);
        var success = operation.Responses
            .Where(r => r.Key.Length == 3 && r.Key[0] == '2')
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var pair in success)
        {
            var content = pair.Value.Content;
            if (content is not { Count: > 0 }) continue;
            var responsePointer = pointer + "/responses/" + pair.Key + "/content/";
            foreach (var media in content)
            {
                if (IsJsonMediaType(media.Key))
                {
                    var type = media.Value.Schema is null
                        ? TypeRef.Any()
                        : MapSchema(media.Value.Schema, operationName + "Response", responsePointer + EscapePointer(media.Key) + "/schema", 0);
                    return new ResponseSpec(ResponseKind.Json, type, media.Key, pair.Value.Description);
                }
            }
            foreach (var media in content)
            {
                if (MediaTypeOnly(media.Key).StartsWith("text/", StringComparison.Ordinal))
                {
                    return new ResponseSpec(ResponseKind.Text, TypeRef.Primitive(PrimitiveNames.String), media.Key, pair.Value.Description);
                }
            }
            return new ResponseSpec(ResponseKind.Stream, TypeRef.Primitive(PrimitiveNames.Stream), content.Keys.First(), pair.Value.Description);
        }
        return new ResponseSpec(ResponseKind.None, null, null, success.FirstOrDefault().Value?.Description);
    }

    private static string MediaTypeOnly(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';');
        return (semicolon >= 0 ? mediaType.Substring(0, semicolon) : mediaType).Trim().ToLowerInvariant();
    }

    private static bool IsJsonMediaType(string mediaType)
    {
        var type = MediaTypeOnly(mediaType);
        return type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "text/json";
    }
}
