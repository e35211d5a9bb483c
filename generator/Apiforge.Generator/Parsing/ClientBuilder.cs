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
internal sealed class ClientBuilder
{
    private const int MaxSchemaDepth = 64;

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
                    var wanted = Names.Pascal(pair.Key, "Model");
                    var typeName = Names.Unique(wanted, _typeNames);
                    _componentTypeNames[pair.Key] = typeName;
                    if (typeName != wanted) ReportRenamed("#/components/schemas/" + EscapePointer(pair.Key), wanted, typeName);
                }
            }
            foreach (var pair in schemas)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                ResolveComponent(pair.Key);
            }
        }

        var operations = BuildOperations(out var rootTypes);

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
        var all = _types.Select(t => new TypeRef(t.Kind == TypeSpecKind.Object ? TypeRefKind.Object : TypeRefKind.Enum, t.Name, null, false))
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

    // ---------------------------------------------------------------- schemas

    /// <summary>Whether a component schema becomes a C# type (class or enum) rather than an alias of another type.</summary>
    private static bool CreatesType(IOpenApiSchema? schema)
    {
        if (schema is null or OpenApiSchemaReference) return false;
        if (IsEnum(schema, out _)) return true;
        return IsObjectWithProperties(schema);
    }

    private static bool IsObjectWithProperties(IOpenApiSchema schema)
    {
        if (schema.Properties is { Count: > 0 }) return true;
        if (schema.AllOf is { Count: > 0 } allOf && allOf.Any(m => m is not OpenApiSchemaReference || allOf.Count > 1))
        {
            return true;
        }
        return false;
    }

    private static bool IsEnum(IOpenApiSchema? schema, out bool integer)
    {
        integer = false;
        // A component may be null in a broken document ("Pet": null).
        if (schema?.Enum is not { Count: > 0 } values) return false;
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        var nonNull = values.Where(v => v is not null).ToList();
        if (nonNull.Count == 0) return false;
        if ((type == JsonSchemaType.String || type == 0) && nonNull.All(v => v is JsonValue jv && jv.TryGetValue<string>(out _)))
        {
            return true;
        }
        if (type == JsonSchemaType.Integer && nonNull.All(v => v is JsonValue jv && jv.TryGetValue<long>(out _)))
        {
            integer = true;
            return true;
        }
        return false;
    }

    private TypeRef ResolveComponent(string key)
    {
        if (_componentRefs.TryGetValue(key, out var known)) return known;
        var schemas = _document.Components?.Schemas;
        if (schemas is null || !schemas.TryGetValue(key, out var schema)) return TypeRef.Any();
        var pointer = "#/components/schemas/" + EscapePointer(key);

        if (_componentTypeNames.TryGetValue(key, out var typeName))
        {
            var isEnum = IsEnum(schema, out _);
            var reference = new TypeRef(isEnum ? TypeRefKind.Enum : TypeRefKind.Object, typeName, null, false);
            _componentRefs[key] = reference;
            DefineType(typeName, schema, pointer);
            return reference;
        }

        // An alias (a primitive, an array, a map, another $ref): resolve through it, guarding against cycles.
        if (!_resolvingComponents.Add(key))
        {
            if (_reportedPointers.Add("cycle:" + pointer))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReferenceCycle, _locator.Locate(pointer), pointer));
            }
            return TypeRef.Any();
        }
        var resolved = MapSchema(schema, Names.Pascal(key, "Model"), pointer, 0).WithNullable(false);
        _resolvingComponents.Remove(key);
        _componentRefs[key] = resolved;
        return resolved;
    }

    private void DefineType(string name, IOpenApiSchema schema, string pointer)
    {
        if (IsEnum(schema, out var integer))
        {
            _types.Add(BuildEnum(name, schema, pointer, integer));
        }
        else
        {
            _types.Add(BuildObject(name, schema, pointer));
        }
    }

    private TypeSpec BuildEnum(string name, IOpenApiSchema schema, string pointer, bool integer)
    {
        var members = new List<EnumMemberSpec>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        var varNames = ExtensionStrings(schema, "x-enum-varnames");
        var index = 0;
        foreach (var value in schema.Enum!)
        {
            if (value is not JsonValue jsonValue) { index++; continue; }
            string wire;
            long number = 0;
            if (integer)
            {
                number = jsonValue.GetValue<long>();
                wire = number.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                wire = jsonValue.GetValue<string>();
            }
            if (!seenValues.Add(wire)) { index++; continue; }
            var preferred = varNames is not null && index < varNames.Count ? varNames[index] : null;
            var baseName = integer
                ? Names.Pascal(preferred, "Value" + (number < 0 ? "Minus" + (-number).ToString(CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture)))
                : Names.Pascal(preferred ?? wire, wire.Length == 0 ? "Empty" : "Value");
            members.Add(new EnumMemberSpec(Names.Unique(baseName, memberNames), wire, integer ? number : members.Count, null));
            index++;
        }
        return new TypeSpec(name, integer ? TypeSpecKind.IntegerEnum : TypeSpecKind.StringEnum, pointer, Describe(schema), schema.Deprecated,
            EquatableArray<PropertySpec>.Empty, members.ToEquatableArray(), null);
    }

    private static List<string>? ExtensionStrings(IOpenApiSchema schema, string name)
    {
        if (schema is not OpenApiSchema concrete || concrete.Extensions is null ||
            !concrete.Extensions.TryGetValue(name, out var extension) || extension is not JsonNodeExtension node ||
            node.Node is not JsonArray array)
        {
            return null;
        }
        return array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList();
    }

    private TypeSpec BuildObject(string name, IOpenApiSchema schema, string pointer)
    {
        var properties = new List<PropertySpec>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var seenJsonNames = new HashSet<string>(StringComparer.Ordinal);
        var additionalAllowed = true;
        CollectProperties(name, schema, pointer, properties, memberNames, seenJsonNames, ref additionalAllowed, 0);
        var extensionData = additionalAllowed ? Names.Unique("AdditionalProperties", memberNames) : null;
        return new TypeSpec(name, TypeSpecKind.Object, pointer, Describe(schema), schema.Deprecated,
            properties.ToEquatableArray(), EquatableArray<EnumMemberSpec>.Empty, extensionData);
    }

    private void CollectProperties(string owner, IOpenApiSchema schema, string pointer, List<PropertySpec> properties,
        HashSet<string> memberNames, HashSet<string> seenJsonNames, ref bool additionalAllowed, int depth)
    {
        if (depth > MaxSchemaDepth) return;
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            for (var i = 0; i < allOf.Count; i++)
            {
                var member = allOf[i];
                var memberPointer = member is OpenApiSchemaReference r ? RefPointer(r) : pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture);
                CollectProperties(owner, member, memberPointer, properties, memberNames, seenJsonNames, ref additionalAllowed, depth + 1);
            }
        }
        if (!schema.AdditionalPropertiesAllowed) additionalAllowed = false;
        if (schema.Properties is null) return;
        var required = schema.Required ?? new HashSet<string>();
        foreach (var pair in schema.Properties)
        {
            if (!seenJsonNames.Add(pair.Key)) continue;
            var propertyPointer = pointer + "/properties/" + EscapePointer(pair.Key);
            var propertyName = Names.Unique(Names.Pascal(pair.Key, "Property"), memberNames);
            var type = MapSchema(pair.Value, owner + propertyName, propertyPointer, depth + 1);
            properties.Add(new PropertySpec(propertyName, pair.Key, type, required.Contains(pair.Key), Describe(pair.Value), pair.Value?.Deprecated ?? false));
        }
    }

    /// <summary>Maps a schema use to a C# type, defining inline types as it goes.</summary>
    /// <param name="contextName">The name an inline object or enum here gets.</param>
    private TypeRef MapSchema(IOpenApiSchema? schema, string contextName, string pointer, int depth)
    {
        if (schema is null) return TypeRef.Any();
        if (depth > MaxSchemaDepth)
        {
            ReportUnsupported(pointer, $"nesting deeper than {MaxSchemaDepth} levels");
            return TypeRef.Any();
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return MapReference(reference, pointer);
        }

        var nullable = (schema.Type & JsonSchemaType.Null) == JsonSchemaType.Null;
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;

        // oneOf / anyOf: [X, {type: null}] is a nullable X; anything else is not mapped yet.
        var alternatives = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf is { Count: > 0 } ? schema.AnyOf : null;
        if (alternatives is not null)
        {
            var nonNull = alternatives.Where(a => a is OpenApiSchemaReference || a.Type != JsonSchemaType.Null).ToList();
            if (nonNull.Count != alternatives.Count) nullable = true;
            if (nonNull.Count == 1 && schema.Properties is not { Count: > 0 })
            {
                var index = alternatives.IndexOf(nonNull[0]);
                var kind = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
                return MapSchema(nonNull[0], contextName, $"{pointer}/{kind}/{index}", depth + 1).WithNullable(nullable);
            }
            if (schema.Properties is not { Count: > 0 })
            {
                ReportUnsupported(pointer, schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf");
                return TypeRef.Any(nullable);
            }
        }

        if (schema.AllOf is { Count: 1 } single && schema.Properties is not { Count: > 0 })
        {
            return MapSchema(single[0], contextName, pointer + "/allOf/0", depth + 1).WithNullable(nullable);
        }

        if (IsEnum(schema, out var integer))
        {
            var name = Names.Unique(Names.Pascal(contextName, "Enum"), _typeNames);
            _types.Add(BuildEnum(name, schema, pointer, integer));
            return new TypeRef(TypeRefKind.Enum, name, null, nullable);
        }

        if (IsObjectWithProperties(schema))
        {
            var name = Names.Unique(Names.Pascal(contextName, "Model"), _typeNames);
            _types.Add(BuildObject(name, schema, pointer));
            return new TypeRef(TypeRefKind.Object, name, null, nullable);
        }

        switch (type)
        {
            case JsonSchemaType.String:
                return TypeRef.Primitive(StringType(schema.Format), nullable);
            case JsonSchemaType.Integer:
                return TypeRef.Primitive(schema.Format == "int32" ? PrimitiveNames.Int32 : PrimitiveNames.Int64, nullable);
            case JsonSchemaType.Number:
                return TypeRef.Primitive(schema.Format switch
                {
                    "float" => PrimitiveNames.Single,
                    "double" => PrimitiveNames.Double,
                    "decimal" => PrimitiveNames.Decimal,
                    "int32" => PrimitiveNames.Int32,
                    "int64" => PrimitiveNames.Int64,
                    _ => NumberType,
                }, nullable);
            case JsonSchemaType.Boolean:
                return TypeRef.Primitive(PrimitiveNames.Boolean, nullable);
            case JsonSchemaType.Array:
                var items = MapSchema(schema.Items, contextName + "Item", pointer + "/items", depth + 1);
                return new TypeRef(TypeRefKind.List, "List", items, nullable);
            case JsonSchemaType.Object:
            case 0 when schema.AdditionalProperties is not null:
                var values = schema.AdditionalProperties is { } additional
                    ? MapSchema(additional, contextName + "Value", pointer + "/additionalProperties", depth + 1)
                    : TypeRef.Any();
                return new TypeRef(TypeRefKind.Map, "Dictionary", values, nullable);
            case 0:
                return TypeRef.Any(nullable);
            default:
                // Several non-null types, such as ["string", "integer"].
                ReportUnsupported(pointer, "a list of types");
                return TypeRef.Any(nullable);
        }
    }

    private TypeRef MapReference(OpenApiSchemaReference reference, string pointer)
    {
        var id = reference.Reference?.Id;
        var schemas = _document.Components?.Schemas;
        if (reference.Reference is { IsExternal: false } && id is not null && schemas is not null && schemas.ContainsKey(id))
        {
            return ResolveComponent(id);
        }
        var text = reference.Reference?.ReferenceV3 ?? id ?? "?";
        if (_reportedPointers.Add("ref:" + pointer))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, _locator.Locate(pointer + "/$ref"), text));
        }
        return TypeRef.Any();
    }

    private static string RefPointer(OpenApiSchemaReference reference)
        => "#/components/schemas/" + EscapePointer(reference.Reference?.Id ?? "");

    private static string StringType(string? format) => format switch
    {
        "date-time" => PrimitiveNames.DateTimeOffset,
        "date" => PrimitiveNames.DateOnly,
        "uuid" => PrimitiveNames.Guid,
        "uri" => PrimitiveNames.Uri,
        "byte" => PrimitiveNames.Bytes,
        _ => PrimitiveNames.String,
    };

    private void ReportRenamed(string pointer, string wanted, string given)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, _locator.Locate(pointer), wanted, given));

    private void ReportUnsupported(string pointer, string what)
    {
        if (!_reportedPointers.Add(pointer)) return;
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedSchema, _locator.Locate(pointer), pointer, what));
    }

    private static string? Describe(IOpenApiSchema? schema)
    {
        var text = schema?.Description;
        if (string.IsNullOrWhiteSpace(text)) text = schema?.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    internal static string EscapePointer(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

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
        if (operationName != baseName) ReportRenamed(pointer, baseName, operationName);

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
            // A path segment takes one value: a list there is not supported (the emitter formats single values only).
            if (!IsSimpleParameterType(type) || (location == Model.ParameterLocation.Path && type.Kind == TypeRefKind.List))
            {
                var shape = type.Kind == TypeRefKind.List ? "an array" : "an object";
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedOperation, _locator.Locate(parameterPointer),
                    methodText, path, $"the {location.ToString().ToLowerInvariant()} parameter '{parameter.Name}' is {shape}, which is not supported in that place yet"));
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
                var type = MapSchema(pair.Value?.Schema, operationName + "Request", pointer + "/content/" + EscapePointer(pair.Key) + "/schema", 0);
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
            var content = pair.Value?.Content;
            if (content is not { Count: > 0 }) continue;
            var responsePointer = pointer + "/responses/" + pair.Key + "/content/";
            foreach (var media in content)
            {
                if (IsJsonMediaType(media.Key))
                {
                    var type = media.Value?.Schema is null
                        ? TypeRef.Any()
                        : MapSchema(media.Value!.Schema, operationName + "Response", responsePointer + EscapePointer(media.Key) + "/schema", 0);
                    return new ResponseSpec(ResponseKind.Json, type, media.Key, pair.Value!.Description);
                }
            }
            foreach (var media in content)
            {
                if (MediaTypeOnly(media.Key).StartsWith("text/", StringComparison.Ordinal))
                {
                    return new ResponseSpec(ResponseKind.Text, TypeRef.Primitive(PrimitiveNames.String), media.Key, pair.Value!.Description);
                }
            }
            return new ResponseSpec(ResponseKind.Stream, TypeRef.Primitive(PrimitiveNames.Stream), content.Keys.First(), pair.Value!.Description);
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
