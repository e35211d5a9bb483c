using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Identical inline unions share one type, as identical inline enums do: Stripe repeats <c>anyOf: [string, Customer]</c>
/// on every expandable field and a range-or-integer <c>created</c> on every list operation.
/// </summary>
internal sealed partial class ClientBuilder
{
    /// <summary>Inline unions by what defines them (alternatives, discriminator, deprecation), with the description the type got.</summary>
    private readonly Dictionary<string, (TypeRef Type, string? Description)> _unionsByShape = new(StringComparer.Ordinal);

    /// <summary>Shared unions whose uses describe them differently: the type is built without a description (each use has its own).</summary>
    private readonly HashSet<string> _unionsDescribedDifferently = new(StringComparer.Ordinal);

    /// <summary>
    /// The type of the inline union at <paramref name="pointer"/>: the one an identical union already defined, or a new one.
    /// Nullability is the use's (a <c>null</c> alternative or <c>nullable</c>), not the type's, so it is not part of the key.
    /// </summary>
    private TypeRef InlineUnion(IOpenApiSchema schema, string contextName, string pointer, int depth)
    {
        var key = UnionKey(schema);
        if (key is not null && _unionsByShape.TryGetValue(key, out var shared))
        {
            _inlineTypes[pointer] = shared.Type;
            if (shared.Description != Describe(schema)) _unionsDescribedDifferently.Add(shared.Type.Name);
            return shared.Type;
        }
        var name = UniqueTypeName(Names.Pascal(contextName, "Model"), schema);
        var defined = new TypeRef(TypeRefKind.Object, name, null, false);
        _inlineTypes[pointer] = defined;
        // Registered before the alternatives are mapped: an identical union among them (through a component) is this type.
        if (key is not null) _unionsByShape[key] = (defined, Describe(schema));
        EnqueueType(name, schema, pointer, SchemaShape.Union, null, depth);
        return defined;
    }

    /// <summary>
    /// The union's alternatives, discriminator and deprecation as OpenAPI JSON (references stay <c>$ref</c>s, so equal text
    /// maps to equal types); null when it cannot be written, and such a union is not shared.
    /// </summary>
    private static string? UnionKey(IOpenApiSchema schema)
    {
        var alternatives = NonNullAlternatives(schema, out _);
        if (alternatives is null) return null;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var writer = new OpenApiJsonWriter(text);
        try
        {
            writer.WriteStartArray();
            writer.WriteValue(schema.Deprecated);
            if (schema.Discriminator is { } discriminator) discriminator.SerializeAsV31(writer);
            else writer.WriteNull();
            foreach (var (alternative, _) in alternatives) alternative.SerializeAsV31(writer);
            writer.WriteEndArray();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
        return text.ToString();
    }
}
