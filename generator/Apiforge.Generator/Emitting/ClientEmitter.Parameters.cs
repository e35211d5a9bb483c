using System.Linq;
using System.Text;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// The request's URI and parameters: the path template with its values, the query string, headers and cookies, each
/// value formatted as its style and type say.
/// </summary>
internal static partial class ClientEmitter
{
    private const string Json = "global::System.Text.Json.JsonSerializer";

    private static void WritePath(SourceWriter w, OperationSpec operation, string ns, System.Func<TypeRef, string> typeInfo)
    {
        var template = operation.PathTemplate;
        var index = 0;
        while (index < template.Length)
        {
            var open = template.IndexOf('{', index);
            var close = open >= 0 ? template.IndexOf('}', open) : -1;
            if (open < 0 || close < 0)
            {
                w.Line($"__url.AppendPath({CSharp.Literal(EscapePathLiteral(template.Substring(index)))});");
                return;
            }
            if (open > index)
            {
                w.Line($"__url.AppendPath({CSharp.Literal(EscapePathLiteral(template.Substring(index, open - index)))});");
            }
            var name = template.Substring(open + 1, close - open - 1);
            var parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.WireName == name);
            if (parameter is null)
            {
                w.Line($"__url.AppendPath({CSharp.Literal(EscapePathLiteral(template.Substring(open, close - open + 1)))});");
            }
            else
            {
                var type = parameter.Type.WithNullable(false);
                if (parameter.Json || Shape(type) == ValueShape.Scalar && parameter.Style is not (ParameterStyle.Label or ParameterStyle.Matrix))
                {
                    w.Line($"__url.AppendPathValue({ValueText(parameter, ns, parameter.Name, escape: false, typeInfo)});");
                }
                else
                {
                    w.Line($"__url.AppendPath({ValueText(parameter, ns, parameter.Name, escape: true, typeInfo)});");
                }
            }
            index = close + 1;
        }
    }

    /// <summary>Percent-encodes what may not stand in a URI path as it is; '/' stays a separator.</summary>
    private static string EscapePathLiteral(string text)
    {
        var builder = new StringBuilder();
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var c = (char)b;
            if (c == '%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
            {
                // Already percent-encoded in the document (/queries/enum/green%20color): sent as written, not as %2520.
                builder.Append(c);
            }
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".IndexOf(c) >= 0)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    private static bool IsHex(byte b) => (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');

    /// <summary>The kind of value a parameter is, for writing it.</summary>
    private enum ValueShape
    {
        /// <summary>A primitive or enum: <c>ApiFormat.Format</c> or the enum's wire string.</summary>
        Scalar,
        /// <summary>A list of scalars: formatted item by item.</summary>
        ScalarList,
        /// <summary>Anything else: serialized to JSON with the generated metadata, then styled.</summary>
        Structured,
    }

    private static ValueShape Shape(TypeRef type)
    {
        if (IsScalar(type)) return ValueShape.Scalar;
        if (type.Kind == TypeRefKind.List && IsScalar(type.Element!)) return ValueShape.ScalarList;
        return ValueShape.Structured;
    }

    private static bool IsScalar(TypeRef type) => type.Kind == TypeRefKind.Enum || type.Kind == TypeRefKind.Primitive && type.Name != PrimitiveNames.Stream;

    private static string JsonElementOf(TypeRef type, string value, System.Func<TypeRef, string> typeInfo)
        => type.Kind == TypeRefKind.Any ? value : $"{Json}.SerializeToElement({value}, {typeInfo(type)})";

    /// <summary>
    /// A list of scalars as the strings it is sent as. A list of values that are their own text (strings) goes as it is:
    /// besides saving a call per item, a lambda around an overloaded formatter is costly to compile (Stripe has 167).
    /// </summary>
    private static string ScalarItems(TypeRef list, string ns, string value)
        => list.Element is { Kind: TypeRefKind.Primitive, Nullable: false } element && Primitive.Of(element.Name).Formatter is null
            ? value
            : $"global::System.Linq.Enumerable.Select({value}, static __item => {Format(list.Element!, ns, "__item")})";

    /// <summary>The text of a path, header or cookie value.</summary>
    private static string ValueText(ParameterSpec p, string ns, string value, bool escape, System.Func<TypeRef, string> typeInfo)
    {
        var type = p.Type.WithNullable(false);
        var name = CSharp.Literal(p.WireName);
        var esc = escape ? "true" : "false";
        var explode = p.Explode ? "true" : "false";
        if (p.Json) return $"{Json}.Serialize({value}, {typeInfo(type)})";
        return Shape(type) switch
        {
            ValueShape.Scalar => p.Style is ParameterStyle.Label or ParameterStyle.Matrix
                ? $"{ApiParameter}.Text({name}, {Format(type, ns, value)}, {Style(p.Style)}, {esc})"
                : Format(type, ns, value),
            ValueShape.ScalarList => $"{ApiParameter}.Text({name}, {ScalarItems(type, ns, value)}, {Style(p.Style)}, {explode}, {esc})",
            _ => $"{ApiParameter}.Text({name}, {JsonElementOf(type, value, typeInfo)}, {Style(p.Style)}, {explode}, {esc})",
        };
    }

    /// <summary>A query, header or cookie parameter: one statement, behind <c>if (x is not null)</c> when it is optional.</summary>
    private static void WriteParameter(SourceWriter w, ParameterSpec p, string ns, System.Func<TypeRef, string> typeInfo)
    {
        var statement = ParameterStatement(p, ns, typeInfo);
        w.Line(p.Required ? statement : $"if ({p.Name} is not null) {statement}");
    }

    private static string ParameterStatement(ParameterSpec p, string ns, System.Func<TypeRef, string> typeInfo)
    {
        var value = !p.Required && p.Type.IsValueType ? p.Name + ".Value" : p.Name;
        var type = p.Type.WithNullable(false);
        var name = CSharp.Literal(p.WireName);
        var explode = p.Explode ? "true" : "false";
        return p.Location switch
        {
            ParameterLocation.Header => $"{ApiRequest}.AddHeader(__request, {name}, {ValueText(p, ns, value, escape: false, typeInfo)}, nameof({p.Name}));",
            ParameterLocation.Cookie => $"{ApiRequest}.AddCookie(__request, {name}, {ValueText(p, ns, value, escape: false, typeInfo)});",
            _ when p.Json => $"__url.AppendQuery({name}, {Json}.Serialize({value}, {typeInfo(type)}));",
            _ => Shape(type) switch
            {
                ValueShape.Scalar => $"__url.AppendQuery({name}, {Format(type, ns, value)});",
                ValueShape.ScalarList => $"__url.AppendQueryEscaped({ApiParameter}.Pairs({name}, {ScalarItems(type, ns, value)}, {Style(p.Style)}, {explode}));",
                _ => $"__url.AppendQueryEscaped({ApiParameter}.Pairs({name}, {JsonElementOf(type, value, typeInfo)}, {Style(p.Style)}, {explode}));",
            },
        };
    }

    /// <summary>The text of a simple value as it goes into a path, query string or header.</summary>
    private static string Format(TypeRef type, string ns, string value)
    {
        if (type.Nullable)
        {
            var inner = Format(type.WithNullable(false), ns, type.IsValueType ? value + ".Value" : value);
            return $"({value} is null ? \"\" : {inner})";
        }
        return type.Kind switch
        {
            TypeRefKind.Enum => $"{JsonEmitter.ConverterName(ns, type.Name)}.ToWireString({value})",
            TypeRefKind.Primitive => Primitive.Of(type.Name).Text(value),
            _ => $"{ApiFormat}.Format({value})",
        };
    }
}
