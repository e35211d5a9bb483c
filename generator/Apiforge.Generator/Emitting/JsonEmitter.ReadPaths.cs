using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class JsonEmitter
{
    /// <summary>
    /// Reading fails with the JSON path of the failure (<c>$.accounts[2].ctaContact</c>): the property loop of an object
    /// reader remembers which known property it is in, and an exception filter adds it to the path on the way out.
    /// </summary>
    private static void OpenPropertyPathScope(SourceWriter w, int propertyCount)
    {
        if (propertyCount == 0) return;
        w.Line("var __at = default(global::System.Text.Json.JsonEncodedText);");
        w.Line("try");
        w.OpenBrace();
    }

    private static void ClosePropertyPathScope(SourceWriter w, int propertyCount)
    {
        if (propertyCount == 0) return;
        w.CloseBrace();
        // A filter that is always false: the path grows before anything unwinds, and the exception goes on unchanged.
        w.Line("catch (global::Apiforge.Runtime.ApiJsonReadException __e) when (__e.InProperty(__at.Value))");
        w.OpenBrace();
        w.Line("throw;");
        w.CloseBrace();
    }

    private static string EnterProperty(int index) => $"__at = s_name{index}; ";

    /// <summary>
    /// Whether reading checks that the JSON has the property: required ones the server always sends, unless the
    /// document's <c>MissingRequired="Default"</c> reads a missing one as its default.
    /// </summary>
    private static bool ChecksPresence(TypeSpec type, PropertySpec p) => p.MustBeRead && !type.MissingRequiredAsDefault;
}
