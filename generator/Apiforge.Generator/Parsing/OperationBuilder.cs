using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>The operation half of <see cref="ClientBuilder"/>: parameters, bodies and responses of each path item.</summary>
internal sealed partial class ClientBuilder
{
    private static readonly HttpMethod[] s_methodOrder =
    {
        HttpMethod.Get, HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Options,
        HttpMethod.Head, new("PATCH"), HttpMethod.Trace,
    };

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
