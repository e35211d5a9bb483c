using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    /// <summary>The value a left-out required property takes when only one is possible (<see cref="KnownValueSpec"/>); null otherwise.</summary>
    private static string? KnownValue(TypeSpec type, PropertySpec property, string ns)
    {
        var known = type.KnownValues.FirstOrDefault(k => k.JsonName == property.JsonName);
        if (known is null) return null;
        return property.Type.Kind switch
        {
            TypeRefKind.Enum => $"new global::{ns}.{property.Type.Name}({CSharp.Literal(known.WireValue)})",
            TypeRefKind.Primitive when property.Type.Name == PrimitiveNames.String => CSharp.Literal(known.WireValue),
            _ => null,
        };
    }
}
