using System;
using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Types are found by a depth-first walk over the schemas (<see cref="EnqueueType"/>: the walk names each type and maps
/// its members, so inline types are named in document order), and built once each afterwards
/// (<see cref="BuildTypes"/>), when what a type needs from others is known: which of them are classes, its base and
/// derived classes, the discriminator it dispatches on.
/// </summary>
internal sealed partial class ClientBuilder
{
    /// <summary>A type the walk found: its name and schema, and its members once mapped.</summary>
    private sealed class TypeDraft(string name, TypeSpecKind kind, IOpenApiSchema schema, string pointer, string? componentKey)
    {
        public string Name { get; } = name;

        public TypeSpecKind Kind { get; } = kind;

        public IOpenApiSchema Schema { get; } = schema;

        public string Pointer { get; } = pointer;

        /// <summary>The component schema's key, the implicit discriminator value of a class; null for inline schemas.</summary>
        public string? ComponentKey { get; } = componentKey;

        public EquatableArray<EnumMemberSpec> Members { get; set; } = EquatableArray<EnumMemberSpec>.Empty;

        /// <summary>An object's properties, its allOf members' merged in, before inherited ones are told apart.</summary>
        public List<PropertySpec> Properties { get; } = new();

        public string? ExtensionDataName { get; set; }

        public List<UnionCaseSpec> Cases { get; } = new();

        public DiscriminatorSpec? UnionDiscriminator { get; set; }
    }

    /// <summary>Every type found, by name; in <see cref="_buildQueue"/> once its members are mapped.</summary>
    private readonly Dictionary<string, TypeDraft> _drafts = new(StringComparer.Ordinal);
    private readonly Queue<TypeDraft> _buildQueue = new();

    /// <summary>A class's properties after its base's are told apart, by class name (bases first, each once).</summary>
    private readonly Dictionary<string, ObjectLayout> _layouts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _layingOut = new(StringComparer.Ordinal);

    /// <summary>The discriminator each class with derived classes reads by, its own or its nearest ancestor's.</summary>
    private readonly Dictionary<string, DiscriminatorSpec?> _classDiscriminators = new(StringComparer.Ordinal);

    private sealed record ObjectLayout(EquatableArray<PropertySpec> Properties, string? BaseTypeName, string? ExtensionDataName, bool DeclaresExtensionData);

    /// <summary>
    /// Records the type <paramref name="name"/> (the caller already hands out its <see cref="TypeRef"/>, so a recursive
    /// use finds it), maps its members, and queues it to be built.
    /// </summary>
    private void EnqueueType(string name, IOpenApiSchema schema, string pointer, SchemaShape shape, string? componentKey, int depth)
    {
        TypeDraft draft;
        switch (shape)
        {
            case SchemaShape.Enum:
                TryGetEnum(schema, out var integer, out var values);
                draft = new TypeDraft(name, integer ? TypeSpecKind.IntegerEnum : TypeSpecKind.StringEnum, schema, pointer, componentKey);
                _drafts[name] = draft;
                draft.Members = EnumMembers(name, schema, integer, values);
                break;
            case SchemaShape.Union:
                draft = new TypeDraft(name, TypeSpecKind.Union, schema, pointer, componentKey);
                _drafts[name] = draft;
                MapUnionCases(draft, depth);
                break;
            default:
                draft = new TypeDraft(name, TypeSpecKind.Object, schema, pointer, componentKey);
                _drafts[name] = draft;
                MapObjectMembers(draft, depth);
                break;
        }
        _buildQueue.Enqueue(draft);
    }

    /// <summary>Builds every queued type, in the order the walk finished them.</summary>
    private List<TypeSpec> BuildTypes()
    {
        ResolveClassDiscriminators();
        var types = new List<TypeSpec>(_buildQueue.Count);
        while (_buildQueue.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            types.Add(BuildType(_buildQueue.Dequeue()));
        }
        return types;
    }

    private TypeSpec BuildType(TypeDraft draft)
    {
        var schema = draft.Schema;
        switch (draft.Kind)
        {
            case TypeSpecKind.Union:
                return new TypeSpec(draft.Name, TypeSpecKind.Union, draft.Pointer, SharedDescription(draft), schema.Deprecated,
                    EquatableArray<PropertySpec>.Empty, EquatableArray<EnumMemberSpec>.Empty, null)
                {
                    Cases = draft.Cases.Select(c => c with { IsClass = IsClass(c.Type) }).ToEquatableArray(),
                    Discriminator = draft.UnionDiscriminator,
                };
            case TypeSpecKind.Object:
                var layout = LayoutOf(draft);
                return new TypeSpec(draft.Name, TypeSpecKind.Object, draft.Pointer, SharedDescription(draft), schema.Deprecated,
                    layout.Properties, EquatableArray<EnumMemberSpec>.Empty, layout.ExtensionDataName)
                {
                    BaseTypeName = layout.BaseTypeName,
                    DeclaresExtensionData = layout.DeclaresExtensionData,
                    // Every class with derived classes has an entry, null when it reads by no discriminator.
                    DerivedTypes = _classDiscriminators.TryGetValue(draft.Name, out var discriminator) ? DerivedTypesOf(draft.Name).ToEquatableArray() : EquatableArray<string>.Empty,
                    Discriminator = discriminator,
                    KnownValues = KnownValuesOf(draft, layout.Properties).ToEquatableArray(),
                    MissingRequiredAsDefault = MissingRequiredAsDefault,
                };
            default:
                return new TypeSpec(draft.Name, draft.Kind, draft.Pointer, Describe(schema), schema.Deprecated,
                    EquatableArray<PropertySpec>.Empty, draft.Members, null);
        }
    }

    private bool IsClass(TypeRef type) => type.Kind == TypeRefKind.Object && _drafts.TryGetValue(type.Name, out var draft) && draft.Kind == TypeSpecKind.Object;

    private bool IsObjectDraft(string name, out TypeDraft draft) => _drafts.TryGetValue(name, out draft!) && draft.Kind == TypeSpecKind.Object;

    // ------------------------------------------------------------ inheritance

    /// <summary>
    /// A derived class's properties: its base's (inherited) first, then its own that the base does not have, renamed
    /// where they would hide a base member. The base is laid out first, so a class sees its base's final names.
    /// </summary>
    private ObjectLayout LayoutOf(TypeDraft draft)
    {
        if (_layouts.TryGetValue(draft.Name, out var known)) return known;
        ObjectLayout layout;
        if (_baseTypes.TryGetValue(draft.Name, out var baseName) && _drafts.TryGetValue(baseName, out var baseDraft) && _layingOut.Add(draft.Name))
        {
            var baseLayout = LayoutOf(baseDraft);
            _layingOut.Remove(draft.Name);
            var inherited = new HashSet<string>(baseLayout.Properties.Select(p => p.JsonName), StringComparer.Ordinal);
            var taken = new HashSet<string>(baseLayout.Properties.Select(p => p.Name), StringComparer.Ordinal) { draft.Name };
            if (baseLayout.ExtensionDataName is not null) taken.Add(baseLayout.ExtensionDataName);
            var properties = new List<PropertySpec>();
            foreach (var p in baseLayout.Properties) properties.Add(p with { Inherited = true });
            foreach (var p in draft.Properties)
            {
                if (inherited.Contains(p.JsonName)) continue;
                properties.Add(p with { Name = Names.Unique(p.Name, taken), Inherited = false });
            }
            layout = new ObjectLayout(
                properties.ToEquatableArray(),
                baseName,
                baseLayout.ExtensionDataName ?? (draft.ExtensionDataName is null ? null : Names.Unique(draft.ExtensionDataName, taken)),
                baseLayout.ExtensionDataName is null && draft.ExtensionDataName is not null);
        }
        else
        {
            layout = new ObjectLayout(draft.Properties.ToEquatableArray(), null, draft.ExtensionDataName, true);
        }
        _layouts[draft.Name] = layout;
        return layout;
    }

    /// <summary>Every class deriving from <paramref name="baseName"/>, most derived first: writing dispatches on them.</summary>
    private List<string> DerivedTypesOf(string baseName)
    {
        if (!_derivedTypes.TryGetValue(baseName, out var derived))
        {
            derived = _baseTypes.Keys.Where(t => DerivesFrom(t, baseName) && _drafts.ContainsKey(t))
                .OrderByDescending(InheritanceDepth).ThenBy(n => n, StringComparer.Ordinal).ToList();
            _derivedTypes[baseName] = derived;
        }
        return derived;
    }

    private readonly Dictionary<string, List<string>> _derivedTypes = new(StringComparer.Ordinal);

    private int InheritanceDepth(string type)
    {
        var depth = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (_baseTypes.TryGetValue(type, out var next) && seen.Add(type)) { depth++; type = next; }
        return depth;
    }

    /// <summary>
    /// Each class with derived classes reads by its schema's discriminator (explicit mapping, then the implicit one:
    /// <c>x-ms-discriminator-value</c> or the component name). A class between the discriminated base and its leaves
    /// (<c>Salmon</c> between <c>Fish</c> and <c>SmartSalmon</c>) declares none of its own, yet an operation returning it
    /// must still hand <c>"fishtype": "smart_salmon"</c> to the grandchild's reader: it dispatches on the nearest
    /// ancestor's discriminator, restricted to its own descendants. Resolved before any type is built: an explicit
    /// mapping may name a component.
    /// </summary>
    private void ResolveClassDiscriminators()
    {
        var own = new Dictionary<string, DiscriminatorSpec?>(StringComparer.Ordinal);
        foreach (var baseName in _baseTypes.Values.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList())
        {
            if (_drafts.ContainsKey(baseName)) own[baseName] = OwnDiscriminator(baseName);
        }
        foreach (var pair in own)
        {
            _classDiscriminators[pair.Key] = pair.Value ?? InheritedDiscriminator(pair.Key, own);
        }
    }

    private DiscriminatorSpec? InheritedDiscriminator(string typeName, Dictionary<string, DiscriminatorSpec?> own)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { typeName };
        for (var name = typeName; _baseTypes.TryGetValue(name, out var baseName) && seen.Add(baseName); name = baseName)
        {
            if (!own.TryGetValue(baseName, out var ancestor) || ancestor is null) continue;
            var descendants = new HashSet<string>(DerivedTypesOf(typeName), StringComparer.Ordinal);
            var mapping = ancestor.Mapping.Where(c => descendants.Contains(c.TypeName)).ToEquatableArray();
            return mapping.Count > 0 ? new DiscriminatorSpec(ancestor.PropertyName, mapping) : null;
        }
        return null;
    }

    private DiscriminatorSpec? OwnDiscriminator(string baseName)
    {
        if (!IsObjectDraft(baseName, out var draft) || draft.Schema.Discriminator is not { PropertyName: { Length: > 0 } property } d) return null;
        var descendants = DerivedTypesOf(baseName);
        var mapping = ExplicitMapping(d, new HashSet<string>(descendants, StringComparer.Ordinal));
        foreach (var descendant in descendants.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (mapping.Any(m => m.TypeName == descendant) || !IsObjectDraft(descendant, out var derived)) continue;
            var value = ExtensionString(derived.Schema, "x-ms-discriminator-value") ?? derived.ComponentKey;
            if (value is not null && mapping.All(m => m.Value != value)) mapping.Add(new DiscriminatorCaseSpec(value, descendant));
        }
        return new DiscriminatorSpec(property, mapping.ToEquatableArray());
    }
}
