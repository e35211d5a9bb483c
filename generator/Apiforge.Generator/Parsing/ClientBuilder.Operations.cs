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

    /// <summary>Local names the generated method bodies use; parameters never take them.</summary>
    private static readonly string[] s_reservedParameterNames = { "cancellationToken", "options" };

    private List<TypeRef> _rootTypes = new();
    private HashSet<TypeRef> _rootSet = new();

    /// <summary>A type the JSON context must expose (bodies, responses, errors, parameters serialized as JSON).</summary>
    private void AddRoot(TypeRef type)
    {
        type = type.WithNullable(false);
        if (_rootSet.Add(type)) _rootTypes.Add(type);
    }

    private List<OperationSpec> BuildOperations(out List<TypeRef> rootTypes)
    {
        var operations = new List<OperationSpec>();
        _rootTypes = new List<TypeRef>();
        _rootSet = new HashSet<TypeRef>();
        // Base names (without "Async"); each operation takes "X" and "XWithResponse".
        var methodNames = new HashSet<string>(GeneratedNames.ClientMembers, StringComparer.Ordinal) { _clientName };
        // A client named PingAsync cannot declare PingAsync (CS0542): its stem is taken too.
        if (_clientName.EndsWith("Async", StringComparison.Ordinal)) methodNames.Add(_clientName.Substring(0, _clientName.Length - "Async".Length));

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
                    BuildCallbacks(operation, "#/paths/" + EscapePointer(path.Key) + "/" + method.Method.ToLowerInvariant());
                }
            }
        }
        BuildWebhooks();
        rootTypes = _rootTypes;
        return operations;
    }

    /// <summary>Takes <c>X</c> and <c>XWithResponse</c> together, numbering both when either is taken.</summary>
    private static string UniqueMethodName(string baseName, HashSet<string> taken)
    {
        var candidate = baseName;
        for (var i = 2; taken.Contains(candidate) || taken.Contains(candidate + "WithResponse"); i++)
        {
            candidate = baseName + i.ToString(CultureInfo.InvariantCulture);
        }
        taken.Add(candidate);
        taken.Add(candidate + "WithResponse");
        return candidate;
    }

    private OperationSpec? BuildOperation(string path, IOpenApiPathItem pathItem, HttpMethod method, OpenApiOperation operation, HashSet<string> methodNames)
    {
        var methodText = method.Method.ToUpperInvariant();
        var pointer = "#/paths/" + EscapePointer(path) + "/" + method.Method.ToLowerInvariant();
        var baseName = operation.OperationId is { Length: > 0 } id
            ? Names.Pascal(id, "Operation")
            : Names.Pascal(method.Method.ToLowerInvariant() + " " + path, "Operation");
        // Leave room for the "WithResponseAsync" suffix within the identifier length Names allows.
        if (baseName.Length > 100) baseName = Names.Pascal(baseName.Substring(0, 91) + "_" + Names.StableHash(baseName).ToString("x8", CultureInfo.InvariantCulture), "Operation");
        var operationName = UniqueMethodName(baseName, methodNames);
        if (operationName != baseName) ReportRenamed(pointer, baseName, operationName);
        if (!IsWellFormedTemplate(path))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedOperation, _locator.Locate(pointer),
                methodText, path, "its path template has an unbalanced '{' or '}' or an empty '{}'; write each path parameter as {name}");
            return null;
        }

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
        var parameterNames = new HashSet<string>(s_reservedParameterNames, StringComparer.Ordinal);
        var parameters = new List<ParameterSpec>();
        foreach (var (parameter, parameterPointer) in merged)
        {
            if (parameter.Name is null || parameter.In is null) continue;
            if (parameter.In == Microsoft.OpenApi.ParameterLocation.Header)
            {
                if (string.Equals(parameter.Name, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    // A credential, supplied by the runtime's authentication handler, not by the caller.
                    requiresAuthentication = true;
                    continue;
                }
                // OpenAPI: header parameters named Accept or Content-Type are ignored (the media types decide them).
                if (string.Equals(parameter.Name, "Accept", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(parameter.Name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
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
            if (type.Kind == TypeRefKind.Primitive && type.Name == PrimitiveNames.Stream)
            {
                type = TypeRef.Primitive(PrimitiveNames.String, type.Nullable);
            }
            var style = MapStyle(parameter.Style, location);
            // A parameter with 'content' (such as application/json) is that media type's text in one value.
            var json = parameter.Schema is null && parameter.Content is { Count: > 0 };
            if (json || !IsScalar(type) && !(type.Kind == TypeRefKind.List && IsScalar(type.Element!)))
            {
                if (type.Kind != TypeRefKind.Any) AddRoot(type);
            }
            var explode = parameter.Style is null ? style == Model.ParameterStyle.Form : parameter.Explode;
            if (parameter.Extensions is { } extensions && extensions.TryGetValue(Swagger2Fixups.CollectionFormatExtension, out var collectionFormat))
            {
                // Swagger 2.0 csv (or tsv): one comma- (or tab-) separated value.
                explode = false;
                if (Swagger2Fixups.IsTabSeparated(collectionFormat)) style = Model.ParameterStyle.TabDelimited;
            }
            var required = parameter.Required || location == Model.ParameterLocation.Path;
            parameters.Add(new ParameterSpec(ParameterName(parameter.Name, parameterNames), parameter.Name, location, type, required,
                json ? Model.ParameterStyle.Simple : style, explode, json, Text(parameter.Description))
            {
                Constraints = json ? null : ConstraintsOf(schema, type, parameterPointer + "/schema"),
            });
        }

        // Path template variables nobody declared: still a parameter, so the URL never carries a literal '{x}'.
        foreach (var variable in TemplateVariables(path))
        {
            if (parameters.Any(p => p.Location == Model.ParameterLocation.Path && p.WireName == variable)) continue;
            parameters.Add(new ParameterSpec(ParameterName(variable, parameterNames), variable, Model.ParameterLocation.Path,
                TypeRef.Primitive(PrimitiveNames.String), true, Model.ParameterStyle.Simple, false, false, null));
        }

        BodySpec? body = null;
        if (operation.RequestBody is { Content: { Count: > 0 } content } requestBody)
        {
            body = BuildBody(requestBody, content, operationName, pointer + "/requestBody", parameterNames);
        }

        var response = WithEventStream(BuildResponse(operation, operationName, pointer, out var errors), operation, operationName, pointer, methodNames);
        var summary = Text(operation.Summary);
        var description = Text(operation.Description);
        return new OperationSpec(operationName + "Async", operationName + "WithResponseAsync", methodText, path, pointer, summary, description,
            operation.Deprecated, parameters.ToEquatableArray(), body, response, errors.ToEquatableArray(), requiresAuthentication)
        {
            Security = requiresAuthentication ? SecurityOf(operation) : EquatableArray<EquatableArray<string>>.Empty,
            Tag = FirstTag(operation),
            OperationId = operation.OperationId is { Length: > 0 } operationId ? operationId : null,
            DocumentedSuccessStatuses = DocumentedSuccessStatuses(operation, response),
            AnswerStatuses = AnswerStatuses(operation, methodText),
        };
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>A camelCase parameter name, unique in the method, escaped where it is a keyword.</summary>
    private static string ParameterName(string wireName, HashSet<string> taken)
    {
        var name = Names.Camel(wireName, "parameter").TrimStart('@');
        return Names.EscapeKeyword(Names.Unique(name, taken));
    }

    private static IEnumerable<string> TemplateVariables(string path)
    {
        var index = 0;
        while (index < path.Length)
        {
            var open = path.IndexOf('{', index);
            if (open < 0) yield break;
            var close = path.IndexOf('}', open);
            if (close < 0) yield break;
            if (close > open + 1) yield return path.Substring(open + 1, close - open - 1);
            index = close + 1;
        }
    }

    private static Model.ParameterStyle MapStyle(Microsoft.OpenApi.ParameterStyle? style, Model.ParameterLocation location) => style switch
    {
        Microsoft.OpenApi.ParameterStyle.Simple => Model.ParameterStyle.Simple,
        Microsoft.OpenApi.ParameterStyle.Label => Model.ParameterStyle.Label,
        Microsoft.OpenApi.ParameterStyle.Matrix => Model.ParameterStyle.Matrix,
        Microsoft.OpenApi.ParameterStyle.Form => Model.ParameterStyle.Form,
        Microsoft.OpenApi.ParameterStyle.SpaceDelimited => Model.ParameterStyle.SpaceDelimited,
        Microsoft.OpenApi.ParameterStyle.PipeDelimited => Model.ParameterStyle.PipeDelimited,
        Microsoft.OpenApi.ParameterStyle.DeepObject => Model.ParameterStyle.DeepObject,
        _ => location is Model.ParameterLocation.Query or Model.ParameterLocation.Cookie ? Model.ParameterStyle.Form : Model.ParameterStyle.Simple,
    };

    /// <summary>A value written as text directly: a primitive or an enum.</summary>
    private static bool IsScalar(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Primitive => type.Name != PrimitiveNames.Stream,
        TypeRefKind.Enum => true,
        _ => false,
    };

    /// <summary>The document's security schemes a client can satisfy, by name; others (mutual TLS, digest, …) are left out.</summary>
    private readonly SortedDictionary<string, SecuritySchemeSpec> _securitySchemes = new(StringComparer.Ordinal);

    private void ReadSecuritySchemes()
    {
        var schemes = _document.Components?.SecuritySchemes;
        if (schemes is null) return;
        foreach (var pair in schemes)
        {
            var scheme = pair.Value;
            if (pair.Key is null || scheme is null) continue;
            SecuritySchemeSpec? spec = scheme.Type switch
            {
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase)
                    => new SecuritySchemeSpec(pair.Key, ApiSecuritySchemeKind.Basic, null, ApiKeyLocation.Header),
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase)
                    => new SecuritySchemeSpec(pair.Key, ApiSecuritySchemeKind.Bearer, null, ApiKeyLocation.Header),
                SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect
                    => new SecuritySchemeSpec(pair.Key, ApiSecuritySchemeKind.Bearer, null, ApiKeyLocation.Header),
                SecuritySchemeType.ApiKey when !string.IsNullOrEmpty(scheme.Name)
                    => new SecuritySchemeSpec(pair.Key, ApiSecuritySchemeKind.ApiKey, scheme.Name, scheme.In switch
                    {
                        Microsoft.OpenApi.ParameterLocation.Query => ApiKeyLocation.Query,
                        Microsoft.OpenApi.ParameterLocation.Cookie => ApiKeyLocation.Cookie,
                        _ => ApiKeyLocation.Header,
                    }),
                _ => null,
            };
            if (spec is not null) _securitySchemes[pair.Key] = spec;
        }
    }

    /// <summary>
    /// The alternatives of the operation's (or the document's) security requirement, each the sorted names of its
    /// schemes; an alternative naming a scheme the client cannot satisfy is left out.
    /// </summary>
    private EquatableArray<EquatableArray<string>> SecurityOf(OpenApiOperation operation)
    {
        var requirements = operation.Security ?? _document.Security;
        if (requirements is null) return EquatableArray<EquatableArray<string>>.Empty;
        var alternatives = new List<EquatableArray<string>>();
        foreach (var requirement in requirements)
        {
            if (requirement is null) continue;
            var names = requirement.Keys.Select(k => k?.Reference?.Id).ToList();
            if (names.Any(n => n is null || !_securitySchemes.ContainsKey(n))) continue;
            var alternative = names.Select(n => n!).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();
            if (!alternatives.Contains(alternative)) alternatives.Add(alternative);
        }
        // Only "no credentials" left: nothing for the handler to choose from.
        return alternatives.All(a => a.Count == 0) ? EquatableArray<EquatableArray<string>>.Empty : alternatives.ToEquatableArray();
    }

    private bool HasSecurity(OpenApiOperation operation)
    {
        var requirements = operation.Security ?? _document.Security;
        return requirements is { Count: > 0 } && requirements.Any(r => r.Count > 0);
    }

    // ---------------------------------------------------------------- request bodies

    private static int BodyPreference(string mediaType)
    {
        var type = MediaTypeOnly(mediaType);
        if (IsJsonMediaType(type)) return 0;
        if (type == "application/x-www-form-urlencoded") return 1;
        if (type == "multipart/form-data" || type.StartsWith("multipart/", StringComparison.Ordinal)) return 2;
        if (type.StartsWith("text/", StringComparison.Ordinal)) return 3;
        return 4;
    }

    private BodySpec? BuildBody(IOpenApiRequestBody requestBody, IDictionary<string, IOpenApiMediaType> content, string operationName, string pointer, HashSet<string> parameterNames)
    {
        // Prefer JSON, then form fields, then multipart, then text, then anything else as bytes; ties keep document order.
        var chosen = content.Select((pair, index) => (pair, index))
            .OrderBy(x => BodyPreference(x.pair.Key)).ThenBy(x => x.index).First().pair;
        var mediaType = chosen.Key;
        var media = chosen.Value;
        var schemaPointer = pointer + "/content/" + EscapePointer(mediaType) + "/schema";
        var description = Text(requestBody.Description);
        var required = requestBody.Required;
        var none = EquatableArray<FormFieldSpec>.Empty;
        var noParts = EquatableArray<PartSpec>.Empty;
        switch (BodyPreference(mediaType))
        {
            case 0:
            {
                var type = media.Schema is null ? TypeRef.Any() : MapSchema(media.Schema, operationName + "Request", schemaPointer, 0);
                AddRoot(type);
                return new BodySpec(Names.Unique("body", parameterNames), BodyKind.Json, mediaType, type, required, description, none, noParts)
                {
                    Constraints = ConstraintsOf(media.Schema, type, schemaPointer),
                };
            }
            case 1:
            {
                if (media.Schema is { } formSchema && IsEmptyObject(formSchema))
                {
                    // Stripe puts an empty form schema on its GET and DELETE operations: there is nothing to send.
                    return null;
                }
                var type = media.Schema is null ? TypeRef.Any() : MapSchema(media.Schema, operationName + "Request", schemaPointer, 0);
                AddRoot(type);
                var fields = new List<FormFieldSpec>();
                if (media.Encoding is not null)
                {
                    foreach (var pair in media.Encoding.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        if (pair.Value.Style is null && pair.Value.Explode is null) continue;
                        var style = MapStyle(pair.Value.Style, Model.ParameterLocation.Query);
                        fields.Add(new FormFieldSpec(pair.Key, style, pair.Value.Explode ?? style == Model.ParameterStyle.Form));
                    }
                }
                return new BodySpec(Names.Unique("body", parameterNames), BodyKind.Form, mediaType, type, required, description, fields.ToEquatableArray(), noParts);
            }
            case 2:
            {
                var parts = BuildParts(media, operationName, schemaPointer, parameterNames);
                if (parts.Count == 0)
                {
                    // No properties to make parameters of: the caller composes the parts.
                    return new BodySpec(Names.Unique("content", parameterNames), BodyKind.Multipart, mediaType,
                        TypeRef.Primitive(MultipartContentType), required, description, none, noParts);
                }
                return new BodySpec("", BodyKind.Multipart, mediaType, TypeRef.Primitive(MultipartContentType), required, description, none, parts.ToEquatableArray());
            }
            case 3:
                return new BodySpec(Names.Unique("body", parameterNames), BodyKind.Text, mediaType, TypeRef.Primitive(PrimitiveNames.String), required, description, none, noParts);
            default:
                return new BodySpec(Names.Unique("body", parameterNames), BodyKind.Binary, mediaType, TypeRef.Primitive(PrimitiveNames.Stream), required, description, none, noParts);
        }
    }

    /// <summary>The type name the emitter writes for a caller-composed multipart body.</summary>
    internal const string MultipartContentType = "global::System.Net.Http.MultipartFormDataContent";

    private static bool IsEmptyObject(IOpenApiSchema schema)
        => schema.Properties is not { Count: > 0 } && schema.AllOf is not { Count: > 0 } && schema.OneOf is not { Count: > 0 } &&
           schema.AnyOf is not { Count: > 0 } && !schema.AdditionalPropertiesAllowed && schema.AdditionalProperties is null;

    private List<PartSpec> BuildParts(IOpenApiMediaType media, string operationName, string schemaPointer, HashSet<string> parameterNames)
    {
        var parts = new List<PartSpec>();
        if (media.Schema is null) return parts;
        var properties = new List<(string Name, IOpenApiSchema Schema, bool Required, string Pointer)>();
        CollectPartProperties(media.Schema, schemaPointer, properties, new HashSet<string>(StringComparer.Ordinal), 0);
        foreach (var (wireName, schema, required, pointer) in properties)
        {
            string? contentType = null;
            if (media.Encoding is not null && media.Encoding.TryGetValue(wireName, out var encoding)) contentType = Text(encoding.ContentType);
            var name = ParameterName(wireName, parameterNames);
            if (IsBinary(schema))
            {
                parts.Add(new PartSpec(name, wireName, PartKind.File, TypeRef.Primitive(PrimitiveNames.Stream), required, contentType, Describe(schema)));
                continue;
            }
            if (((schema.Type ?? 0) & JsonSchemaType.Array) != 0 && schema.Items is { } items && IsBinary(items))
            {
                parts.Add(new PartSpec(name, wireName, PartKind.Files, TypeRef.Primitive(PrimitiveNames.Stream), required, contentType, Describe(schema)));
                continue;
            }
            var type = MapSchema(schema, operationName + Names.Pascal(wireName, "Part"), pointer, 0);
            if (IsScalar(type))
            {
                parts.Add(new PartSpec(name, wireName, PartKind.Text, type, required, contentType, Describe(schema)));
            }
            else
            {
                AddRoot(type);
                parts.Add(new PartSpec(name, wireName, PartKind.Json, type, required, contentType, Describe(schema)));
            }
        }
        return parts;
    }

    private static void CollectPartProperties(IOpenApiSchema schema, string pointer, List<(string, IOpenApiSchema, bool, string)> properties, HashSet<string> seen, int depth)
    {
        if (depth > MaxSchemaDepth) return;
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            for (var i = 0; i < allOf.Count; i++)
            {
                var member = allOf[i];
                CollectPartProperties(member, member is OpenApiSchemaReference r ? RefPointer(r) : pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture), properties, seen, depth + 1);
            }
        }
        if (schema.Properties is null) return;
        var required = schema.Required ?? new HashSet<string>();
        var basePointer = schema is OpenApiSchemaReference reference ? RefPointer(reference) : pointer;
        foreach (var pair in schema.Properties)
        {
            if (!seen.Add(pair.Key)) continue;
            properties.Add((pair.Key, pair.Value, required.Contains(pair.Key), basePointer + "/properties/" + EscapePointer(pair.Key)));
        }
    }

    /// <summary>A file: <c>type: string</c> with <c>format: binary</c> (Swagger 2.0's <c>type: file</c> arrives this way too).</summary>
    private bool IsBinary(IOpenApiSchema schema)
    {
        schema = Structural(schema);
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        return (type == JsonSchemaType.String || type == 0) && schema.Format is "binary";
    }

    // ---------------------------------------------------------------- responses

    private ResponseSpec BuildResponse(OpenApiOperation operation, string operationName, string pointer, out List<ErrorResponseSpec> errors)
    {
        errors = new List<ErrorResponseSpec>();
        if (operation.Responses is null) return new ResponseSpec(ResponseKind.None, null, null, null);
        var success = operation.Responses
            .Where(r => IsSuccessKey(r.Key))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var defaultIsSuccess = false;
        if (success.Count == 0 && operation.Responses.TryGetValue("default", out var fallback))
        {
            // Only 'default' is documented: it describes the success too.
            success.Add(new KeyValuePair<string, IOpenApiResponse>("default", fallback));
            defaultIsSuccess = true;
        }

        // Errors: exact codes first, then ranges, then default.
        var errorKeys = operation.Responses.Keys
            .Where(k => IsErrorKey(k) || k == "default" && !defaultIsSuccess)
            .OrderBy(k => k == "default" ? 2 : char.IsDigit(k[1]) ? 0 : 1)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
        if (defaultIsSuccess) errorKeys.Add("default");
        foreach (var key in errorKeys)
        {
            var responseObject = operation.Responses[key];
            if (responseObject?.Content is not { Count: > 0 } errorContent) continue;
            var json = errorContent.FirstOrDefault(m => IsJsonMediaType(m.Key));
            if (json.Key is null || json.Value?.Schema is null) continue;
            var contextName = operationName + (key == "default" ? "" : Names.Pascal(key.ToUpperInvariant(), "")) + "Error";
            var type = MapSchema(json.Value!.Schema, contextName, pointer + "/responses/" + key + "/content/" + EscapePointer(json.Key) + "/schema", 0);
            AddRoot(type);
            errors.Add(new ErrorResponseSpec(key.ToUpperInvariant() == "DEFAULT" ? "default" : key.ToUpperInvariant(), type, Text(responseObject.Description)));
        }

        // A media type without a schema says nothing about the body (Swagger 2.0's 'produces' puts one on every response).
        static bool HasBody(IOpenApiResponse? response)
            => response?.Content is { Count: > 0 } content && content.Any(m => m.Value?.Schema is not null || !IsJsonMediaType(m.Key));
        var emptyAllowed = success.Any(r => !HasBody(r.Value));
        foreach (var pair in success)
        {
            var content = pair.Value?.Content;
            if (content is null || !HasBody(pair.Value)) continue;
            var responsePointer = pointer + "/responses/" + pair.Key + "/content/";
            foreach (var media in content)
            {
                // Swagger 2.0's 'type: file' under a JSON 'produces' is still a file, not a JSON string.
                if (IsJsonMediaType(media.Key) && media.Value?.Schema is not null && !IsBinary(media.Value.Schema))
                {
                    var type = MapSchema(media.Value!.Schema, operationName + "Response", responsePointer + EscapePointer(media.Key) + "/schema", 0);
                    AddRoot(type);
                    var others = OtherSuccessBodies(success, pair.Key, type, operationName, pointer);
                    return new ResponseSpec(ResponseKind.Json, type, media.Key, Text(pair.Value?.Description), emptyAllowed || others.Count > 0)
                    {
                        OtherBodies = others.ToEquatableArray(),
                        ResultTypeName = others.Count > 0 ? _clientName + "." + operationName + "Result" : null,
                    };
                }
            }
            foreach (var media in content)
            {
                if (MediaTypeOnly(media.Key).StartsWith("text/", StringComparison.Ordinal) && !IsJsonMediaType(media.Key))
                {
                    return new ResponseSpec(ResponseKind.Text, TypeRef.Primitive(PrimitiveNames.String), media.Key, Text(pair.Value?.Description));
                }
            }
            var binary = content.Keys.FirstOrDefault(k => !IsJsonMediaType(k)) ?? content.Keys.First();
            return new ResponseSpec(ResponseKind.Stream, TypeRef.Primitive(PrimitiveNames.Stream), binary, Text(pair.Value?.Description));
        }
        return new ResponseSpec(ResponseKind.None, null, null, Text(success.FirstOrDefault().Value?.Description));
    }

    /// <summary>Every '{' closed by a '}' before the next '{', with a name between them.</summary>
    private static bool IsWellFormedTemplate(string path)
    {
        var open = -1;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '{')
            {
                if (open >= 0) return false;
                open = i;
            }
            else if (path[i] == '}')
            {
                if (open < 0 || i == open + 1) return false;
                open = -1;
            }
        }
        return open < 0;
    }

    private static bool IsSuccessKey(string key)
        => key.Length == 3 && key[0] == '2' && (char.IsDigit(key[1]) && char.IsDigit(key[2]) || key.Substring(1).ToUpperInvariant() == "XX");

    private static bool IsErrorKey(string key)
        => key.Length == 3 && (key[0] == '4' || key[0] == '5') && (char.IsDigit(key[1]) && char.IsDigit(key[2]) || key.Substring(1).ToUpperInvariant() == "XX");

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

    // ---------------------------------------------------------------- webhooks and callbacks

    /// <summary>Webhooks get their body types (for the receiving side), but no client method.</summary>
    private void BuildWebhooks()
    {
        if (_document.Webhooks is null) return;
        foreach (var webhook in _document.Webhooks)
        {
            BuildInboundTypes(webhook.Value, Names.Pascal(webhook.Key, "Webhook"), "#/webhooks/" + EscapePointer(webhook.Key));
        }
    }

    /// <summary>Callbacks get their body types, but no client method.</summary>
    private void BuildCallbacks(OpenApiOperation operation, string pointer)
    {
        if (operation.Callbacks is null) return;
        foreach (var callback in operation.Callbacks)
        {
            if (callback.Value?.PathItems is null) continue;
            foreach (var item in callback.Value.PathItems)
            {
                var expression = item.Key?.Expression ?? "";
                BuildInboundTypes(item.Value, Names.Pascal(callback.Key, "Callback"),
                    pointer + "/callbacks/" + EscapePointer(callback.Key) + "/" + EscapePointer(expression));
            }
        }
    }

    private void BuildInboundTypes(IOpenApiPathItem? pathItem, string baseName, string pointer)
    {
        if (pathItem?.Operations is null) return;
        foreach (var method in s_methodOrder)
        {
            if (!pathItem.Operations.TryGetValue(method, out var operation)) continue;
            var name = operation.OperationId is { Length: > 0 } id ? Names.Pascal(id, baseName) : baseName;
            var operationPointer = pointer + "/" + method.Method.ToLowerInvariant();
            if (operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content)
                {
                    if (!IsJsonMediaType(media.Key) || media.Value?.Schema is null) continue;
                    AddRoot(MapSchema(media.Value!.Schema, name + "Request", operationPointer + "/requestBody/content/" + EscapePointer(media.Key) + "/schema", 0));
                }
            }
            if (operation.Responses is null) continue;
            foreach (var response in operation.Responses)
            {
                if (response.Value?.Content is null) continue;
                foreach (var media in response.Value.Content)
                {
                    if (!IsJsonMediaType(media.Key) || media.Value?.Schema is null) continue;
                    AddRoot(MapSchema(media.Value!.Schema, name + "Response", operationPointer + "/responses/" + response.Key + "/content/" + EscapePointer(media.Key) + "/schema", 0));
                }
            }
        }
    }
}
