using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    /// <summary>
    /// One metadata entry per runtime type. <c>List&lt;string&gt;</c> and <c>List&lt;string?&gt;</c> are one
    /// <see cref="System.Type"/>, so the resolver can answer only one of them: the reader that accepts the JSON
    /// nulls (the most nullable shape) serves both, or a document's <c>List&lt;string?&gt;</c> would refuse its nulls.
    /// </summary>
    private static IEnumerable<JsonTypeInfoSpec> JsonTypesByRuntimeType(EquatableArray<JsonTypeInfoSpec> specs)
        => specs.Where(spec => !UsesWireFormat(spec.Type))
            .GroupBy(spec => WithoutReferenceNullability(spec.Type))
            .Select(group => group.OrderByDescending(spec => NullableReferenceCount(spec.Type)).First());

    private static TypeRef WithoutReferenceNullability(TypeRef type)
    {
        var element = type.Element is null ? null : WithoutReferenceNullability(type.Element);
        return type with { Element = element, Nullable = type.Nullable && type.IsValueType };
    }

    private static int NullableReferenceCount(TypeRef type)
        => (type.Nullable && !type.IsValueType ? 1 : 0) + (type.Element is null ? 0 : NullableReferenceCount(type.Element));
}
