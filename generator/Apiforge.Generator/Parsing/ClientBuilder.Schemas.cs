using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>Schemas: components and inline schemas become classes, extensible enums, unions, or aliases of other types.</summary>
internal sealed partial class ClientBuilder
{
    private const int MaxSchemaDepth = 64;

    /// <summary>Inline schemas already turned into a type, by JSON pointer: a schema reached twice (through allOf) defines one type.</summary>
    private readonly Dictionary<string, TypeRef> _inlineTypes = new(StringComparer.Ordinal);

    /// <summary>Inline enums by their values, so identical inline enums share one type.</summary>
    private readonly Dictionary<string, TypeRef> _enumsByValues = new(StringComparer.Ordinal);

    /// <summary>A derived class's name to the name of the class it derives from.</summary>
    private readonly Dictionary<string, string> _baseTypes = new(StringComparer.Ordinal);

    private enum SchemaShape
    {
        Alias,
        Enum,
        Union,
        Object,
    }

    /// <summary>Shapes already worked out, by schema object: a schema is classified once however often it is used.</summary>
    private readonly Dictionary<IOpenApiSchema, SchemaShape> _shapes = new(ReferenceComparer.Instance);
    private readonly Dictionary<IOpenApiSchema, IOpenApiSchema> _targets = new(ReferenceComparer.Instance);

    /// <summary>
    /// The schema whose structural keywords (type, format, properties, bounds, ...) a schema has: a reference's target,
    /// resolved once. Microsoft.OpenApi resolves a reference again on every keyword read (a tenth of our parse time went
    /// there). Annotations a reference may override (description, title, default, readOnly, writeOnly, deprecated,
    /// examples) must still be read from the reference itself.
    /// </summary>
    private IOpenApiSchema Structural(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchemaReference reference) return schema;
        if (!_targets.TryGetValue(schema, out var target))
        {
            target = (IOpenApiSchema?)reference.Target ?? schema;
            _targets[schema] = target;
        }
        return target;
    }

    private SchemaShape ShapeOf(IOpenApiSchema? schema)
    {
        if (schema is null) return SchemaShape.Alias;
        if (!_shapes.TryGetValue(schema, out var shape))
        {
            shape = Shape(schema);
            _shapes[schema] = shape;
        }
        return shape;
    }

    private sealed class ReferenceComparer : IEqualityComparer<IOpenApiSchema>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private static SchemaShape Shape(IOpenApiSchema? schema)
    {
        // A component may be null in a broken document ("Pet": null).
        if (schema is null or OpenApiSchemaReference) return SchemaShape.Alias;
        if (TryGetEnum(schema, out _, out _)) return SchemaShape.Enum;
        if (schema.Properties is not { Count: > 0 } && schema.AllOf is not { Count: > 0 } && NonNullAlternatives(schema, out _) is { Count: > 1 })
        {
            return SchemaShape.Union;
        }
        return IsObjectWithProperties(schema) ? SchemaShape.Object : SchemaShape.Alias;
    }

    /// <summary>Whether a component schema becomes a C# type (class, enum or union) rather than an alias of another type.</summary>
    private bool CreatesType(IOpenApiSchema? schema) => ShapeOf(schema) != SchemaShape.Alias;

    private static bool IsObjectWithProperties(IOpenApiSchema schema)
    {
        if (schema.Properties is { Count: > 0 }) return true;
        return schema.AllOf is { Count: > 0 } allOf && allOf.Any(m => m is not OpenApiSchemaReference || allOf.Count > 1);
    }

    /// <summary>The oneOf (or else anyOf) alternatives that are not <c>{type: null}</c>; null when there are none.</summary>
    private static List<(IOpenApiSchema Schema, int Index)>? NonNullAlternatives(IOpenApiSchema schema, out bool hadNull)
    {
        hadNull = false;
        var alternatives = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf is { Count: > 0 } ? schema.AnyOf : null;
        if (alternatives is null) return null;
        var result = new List<(IOpenApiSchema, int)>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            if (alternative is not OpenApiSchemaReference && alternative.Type == JsonSchemaType.Null)
            {
                hadNull = true;
                continue;
            }
            result.Add((alternative, i));
        }
        return result;
    }

    private static string AlternativesKeyword(IOpenApiSchema schema) => schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";

    private TypeRef ResolveComponent(string key)
    {
        if (_componentRefs.TryGetValue(key, out var known)) return known;
        var schemas = _document.Components?.Schemas;
        if (schemas is null || !schemas.TryGetValue(key, out var schema)) return TypeRef.Any();
        var pointer = "#/components/schemas/" + EscapePointer(key);

        if (_componentTypeNames.TryGetValue(key, out var typeName))
        {
            var shape = ShapeOf(schema);
            // A nullable component (GitHub's nullable-simple-user) makes every use of it nullable.
            var nullable = (schema.Type & JsonSchemaType.Null) == JsonSchemaType.Null ||
                           (shape == SchemaShape.Union && NonNullAlternatives(schema, out var hadNull) is not null && hadNull);
            var reference = new TypeRef(shape == SchemaShape.Enum ? TypeRefKind.Enum : TypeRefKind.Object, typeName, null, nullable);
            _componentRefs[key] = reference;
            EnqueueType(typeName, schema, pointer, shape, key, 0);
            return reference;
        }

        // An alias (a primitive, an array, a map, another $ref): resolve through it, guarding against cycles.
        if (!_resolvingComponents.Add(key))
        {
            _diagnostics.ReportOnce(pointer, DiagnosticDescriptors.ReferenceCycle, _locator, pointer, pointer);
            return TypeRef.Any();
        }
        var resolved = MapSchema(schema, Names.Pascal(key, "Model"), pointer, 0).WithNullable(false);
        _resolvingComponents.Remove(key);
        _componentRefs[key] = resolved;
        return resolved;
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

    private static string? ExtensionString(IOpenApiSchema schema, string name)
        => schema is OpenApiSchema { Extensions: { } extensions } && extensions.TryGetValue(name, out var extension) &&
           extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue<string>(out var text)
            ? text
            : null;

    private TypeRef MapReference(OpenApiSchemaReference reference, string pointer)
    {
        var id = reference.Reference?.Id;
        var schemas = _document.Components?.Schemas;
        if (reference.Reference is { IsExternal: false } && id is not null && schemas is not null && schemas.ContainsKey(id))
        {
            return ResolveComponent(id);
        }
        var text = reference.Reference?.ReferenceV3 ?? id ?? "?";
        _diagnostics.ReportOnce(pointer, DiagnosticDescriptors.UnresolvedReference, _locator, pointer + "/$ref", text);
        return TypeRef.Any();
    }

    private static string RefPointer(OpenApiSchemaReference reference)
        => "#/components/schemas/" + EscapePointer(reference.Reference?.Id ?? "");

    private void ReportRenamed(string pointer, string wanted, string given)
        => _diagnostics.Report(DiagnosticDescriptors.NameCollision, _locator.Locate(pointer), wanted, given);

    private void ReportUnsupported(string pointer, string what)
        => _diagnostics.ReportOnce(pointer, DiagnosticDescriptors.UnsupportedSchema, _locator, pointer, pointer, what);

    private static string? Describe(IOpenApiSchema? schema)
    {
        var text = schema?.Description;
        if (string.IsNullOrWhiteSpace(text)) text = schema?.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    internal static string EscapePointer(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
