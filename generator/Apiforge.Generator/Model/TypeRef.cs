namespace Apiforge.Generator.Model;

internal enum TypeRefKind
{
    /// <summary>A built-in type; <see cref="TypeRef.Name"/> is one of the <see cref="PrimitiveNames"/>.</summary>
    Primitive,
    /// <summary>A generated object type; <see cref="TypeRef.Name"/> is its C# name.</summary>
    Object,
    /// <summary>A generated enum; <see cref="TypeRef.Name"/> is its C# name.</summary>
    Enum,
    List,
    Map,
    /// <summary>Any JSON: <c>System.Text.Json.JsonElement</c>.</summary>
    Any,
}

/// <summary>A use of a type: a primitive, a generated type, or a collection of them.</summary>
internal sealed record TypeRef(TypeRefKind Kind, string Name, TypeRef? Element, bool Nullable)
{
    public static TypeRef Primitive(string name, bool nullable = false) => new(TypeRefKind.Primitive, name, null, nullable);

    public static TypeRef Any(bool nullable = false) => new(TypeRefKind.Any, "JsonElement", null, nullable);

    public TypeRef WithNullable(bool nullable) => Nullable == nullable ? this : this with { Nullable = nullable };

    public bool IsValueType => Kind switch
    {
        TypeRefKind.Enum or TypeRefKind.Any => true,
        TypeRefKind.Primitive => PrimitiveNames.IsValueType(Name),
        _ => false,
    };
}

/// <summary>The primitive names a <see cref="TypeRef"/> can carry.</summary>
internal static class PrimitiveNames
{
    public const string String = "string";
    public const string Boolean = "bool";
    public const string Int32 = "int";
    public const string Int64 = "long";
    public const string Single = "float";
    public const string Double = "double";
    public const string Decimal = "decimal";
    public const string DateTimeOffset = "DateTimeOffset";
    public const string DateOnly = "DateOnly";
    public const string TimeOnly = "TimeOnly";
    public const string TimeSpan = "TimeSpan";
    /// <summary><c>format: date</c> as a DateTime, where DateOnly does not exist.</summary>
    public const string DateAsDateTime = "DateAsDateTime";
    /// <summary><c>format: time</c> as a TimeSpan since midnight, where TimeOnly does not exist.</summary>
    public const string TimeAsTimeSpan = "TimeAsTimeSpan";
    public const string Guid = "Guid";
    public const string Uri = "Uri";
    public const string Bytes = "byte[]";
    public const string Stream = "Stream";
    /// <summary><c>format: date-time-rfc1123</c>: a DateTimeOffset written as an HTTP date.</summary>
    public const string DateTimeRfc1123 = "DateTimeRfc1123";
    /// <summary><c>format: unixtime</c>: a DateTimeOffset written as whole seconds since 1970.</summary>
    public const string UnixTime = "UnixTime";
    /// <summary><c>format: base64url</c>: a byte[] written as unpadded URL-safe base64.</summary>
    public const string Base64Url = "Base64Url";

    public static bool IsValueType(string name) => name switch
    {
        String or Uri or Bytes or Stream or Base64Url => false,
        _ => true,
    };
}
