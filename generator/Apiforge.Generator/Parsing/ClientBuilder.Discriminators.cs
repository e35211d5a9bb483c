using System;
using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Parsing;

internal sealed partial class ClientBuilder
{
    /// <summary>
    /// A class between the discriminated base and its leaves (<c>Salmon</c> between <c>Fish</c> and <c>SmartSalmon</c>)
    /// declares no discriminator of its own, yet an operation returning it must still hand
    /// <c>"fishtype": "smart_salmon"</c> to the grandchild's reader: it dispatches on the nearest ancestor's
    /// discriminator, restricted to its own descendants.
    /// </summary>
    private void InheritDiscriminators(Dictionary<string, int> index)
    {
        for (var i = 0; i < _types.Count; i++)
        {
            var type = _types[i];
            if (type.Discriminator is not null || type.DerivedTypes.Count == 0) continue;
            var ancestor = NearestDiscriminatedAncestor(type.Name, index);
            if (ancestor is null) continue;
            var descendants = new HashSet<string>(type.DerivedTypes, StringComparer.Ordinal);
            var mapping = ancestor.Mapping.Where(c => descendants.Contains(c.TypeName)).ToEquatableArray();
            if (mapping.Count == 0) continue;
            _types[i] = type with { Discriminator = new DiscriminatorSpec(ancestor.PropertyName, mapping) };
        }
    }

    private DiscriminatorSpec? NearestDiscriminatedAncestor(string typeName, Dictionary<string, int> index)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { typeName };
        while (_baseTypes.TryGetValue(typeName, out var baseName) && seen.Add(baseName))
        {
            if (index.TryGetValue(baseName, out var b) && _types[b].Discriminator is { } discriminator) return discriminator;
            typeName = baseName;
        }
        return null;
    }
}
