using System;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

internal sealed partial class ClientBuilder
{
    /// <summary>
    /// A type name free in the namespace, taken. A string enum struct or a union also must not be named like a member it
    /// declares itself (<c>Value</c>, <c>IsKnown</c>, <c>Equals</c>, …: CS0542); such a name gets a number, as a clash does.
    /// </summary>
    private string UniqueTypeName(string wanted, IOpenApiSchema? schema)
    {
        var declaresValueMembers = ShapeOf(schema) is SchemaShape.Enum or SchemaShape.Union;
        var candidate = wanted;
        for (var i = 2; _typeNames.Contains(candidate) || declaresValueMembers && GeneratedNames.ValueTypeMembers.Contains(candidate); i++)
        {
            candidate = wanted + i.ToString(CultureInfo.InvariantCulture);
        }
        _typeNames.Add(candidate);
        return candidate;
    }
}
