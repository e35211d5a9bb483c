using System.Linq;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>The request body: JSON, form, text, binary or multipart (part by part, or a prepared form).</summary>
internal static partial class ClientEmitter
{
    private static void WriteRequestBody(SourceWriter w, BodySpec body, string ns, System.Func<TypeRef, string> typeInfo)
    {
        if (body.Kind == BodyKind.Multipart && body.Parts.Count > 0)
        {
            w.Line($"var __form = new {HttpAlias}::MultipartFormDataContent();");
            w.Line("__request.Content = __form;");
            foreach (var part in body.Parts)
            {
                var access = !part.Required && part.Kind is PartKind.Text or PartKind.Json && part.Type.IsValueType ? part.Name + ".Value" : part.Name;
                var contentType = part.ContentType is null ? "null" : CSharp.Literal(part.ContentType);
                var add = part.Kind switch
                {
                    PartKind.File => $"{ApiContent}.AddFile(__form, {CSharp.Literal(part.WireName)}, {access}, {contentType});",
                    PartKind.Files => $"{ApiContent}.AddFiles(__form, {CSharp.Literal(part.WireName)}, {access}, {contentType});",
                    PartKind.Text => $"{ApiContent}.AddText(__form, {CSharp.Literal(part.WireName)}, {Format(part.Type.WithNullable(false), ns, access)}, {contentType});",
                    _ => $"{ApiContent}.AddJson(__form, {CSharp.Literal(part.WireName)}, {access}, {typeInfo(part.Type)}, {contentType});",
                };
                w.Line(part.Required ? add : $"if ({part.Name} is not null) {add}");
            }
            return;
        }

        var optional = !body.Required || body.Type.Nullable;
        var value = optional && body.Type.IsValueType && body.Kind != BodyKind.Multipart ? body.Name + ".Value" : body.Name;
        var content = body.Kind switch
        {
            BodyKind.Json => $"{ApiContent}.Json({value}, {typeInfo(body.Type)}, {CSharp.Literal(body.MediaType)})",
            BodyKind.Form => $"{ApiContent}.Form({value}, {typeInfo(body.Type)}, {FormFields(body)})",
            BodyKind.Text => $"{ApiContent}.Text({value}, {CSharp.Literal(body.MediaType)})",
            BodyKind.Multipart => value,
            _ => $"{ApiContent}.Binary({value}, {CSharp.Literal(body.MediaType)})",
        };
        w.Line(optional ? $"if ({body.Name} is not null) __request.Content = {content};" : $"__request.Content = {content};");
    }

    private static string FormFields(BodySpec body)
    {
        if (body.Fields.Count == 0) return "null";
        var fields = body.Fields.Select(f => $"new({CSharp.Literal(f.WireName)}, {Style(f.Style)}, {(f.Explode ? "true" : "false")})");
        return $"new {FormField}[] {{ {string.Join(", ", fields)} }}";
    }

    private static string Style(ParameterStyle style) => $"{ParameterStyleEnum}.{style}";
}
