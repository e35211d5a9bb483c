using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    /// <summary>
    /// Whether reading checks that the JSON has the property: required ones the server always sends, unless the
    /// document's <c>MissingRequired="Default"</c> reads a missing one as its default.
    /// </summary>
    private static bool ChecksPresence(TypeSpec type, PropertySpec p) => p.MustBeRead && !type.MissingRequiredAsDefault;
}
