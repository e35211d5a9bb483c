using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    /// <summary>
    /// Whether the type holds a format whose runtime type another format shares (<c>date-time-rfc1123</c> and
    /// <c>unixtime</c> are DateTimeOffset, <c>base64url</c> is byte[]). The resolver answers by runtime type, so such
    /// a body type gets its own metadata, read and written in its format, instead of the resolver's entry.
    /// </summary>
    private static bool UsesWireFormat(TypeRef type) => type.Kind switch
    {
        TypeRefKind.List or TypeRefKind.Map => UsesWireFormat(type.Element!),
        TypeRefKind.Primitive => type.Name is PrimitiveNames.DateTimeRfc1123 or PrimitiveNames.UnixTime or PrimitiveNames.Base64Url,
        _ => false,
    };

    private static string OwnValueInfo(TypeRef type, string ns)
    {
        type = type.WithNullable(false);
        var typeName = CSharp.TypeName(type, ns, false);
        return $"global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{typeName}>(Options, new global::Apiforge.Runtime.DelegateJsonConverter<{typeName}>(" +
               $"static (ref {Reader} reader) => {ReadExpression(type, ns, "reader", 0)}, {WriterDelegate(type, ns, 0)}))";
    }
}
