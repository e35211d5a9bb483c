using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Security: one static field per scheme and per distinct requirement; each request is tagged with its requirement
/// (or marked anonymous) for the runtime's authentication handler, which applies the credentials.
/// </summary>
internal static partial class ClientEmitter
{
    private static void WriteSecurity(SourceWriter w, ClientSpec client, OperationSpec operation)
    {
        if (!operation.RequiresAuthentication)
        {
            w.Line($"{ApiRequest}.MarkAnonymous(__request);");
        }
        else if (operation.Security.Count > 0)
        {
            w.Line($"{ApiSecurity}.Require(__request, {SecurityFieldName(client, operation)});");
        }
    }

    /// <summary>The distinct security requirements of the operations, in order; each becomes one static field.</summary>
    private static List<EquatableArray<EquatableArray<string>>> DistinctSecurity(ClientSpec client)
        => client.Operations.Where(o => o.RequiresAuthentication && o.Security.Count > 0).Select(o => o.Security).Distinct().ToList();

    private static string SecurityFieldName(ClientSpec client, OperationSpec operation)
        => "__security" + DistinctSecurity(client).IndexOf(operation.Security).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The security schemes and requirements the requests are tagged with, for the runtime's authentication handler.</summary>
    private static void WriteSecurityFields(SourceWriter w, ClientSpec client)
    {
        var requirements = DistinctSecurity(client);
        if (requirements.Count == 0) return;
        var schemeFields = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var used = new HashSet<string>(requirements.SelectMany(r => r).SelectMany(a => a), System.StringComparer.Ordinal);
        for (var i = 0; i < client.SecuritySchemes.Count; i++)
        {
            var scheme = client.SecuritySchemes[i];
            if (!used.Contains(scheme.Name)) continue;
            var field = "__scheme" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            schemeFields[scheme.Name] = field;
            var arguments = scheme.Kind == ApiSecuritySchemeKind.ApiKey
                ? $", {CSharp.Literal(scheme.ParameterName ?? "")}, {ApiKeyLocationEnum}.{scheme.Location}"
                : "";
            w.Line();
            w.Line($"private static readonly {ApiSecurityScheme} {field} = new({CSharp.Literal(scheme.Name)}, {ApiSecuritySchemeKindEnum}.{scheme.Kind}{arguments});");
        }
        for (var i = 0; i < requirements.Count; i++)
        {
            var alternatives = requirements[i].Select(a => $"new {ApiSecurityRequirement}({string.Join(", ", a.Select(n => schemeFields[n]))})");
            w.Line();
            w.Line($"private static readonly global::System.Collections.Generic.IReadOnlyList<{ApiSecurityRequirement}> __security{i.ToString(System.Globalization.CultureInfo.InvariantCulture)} = new {ApiSecurityRequirement}[] {{ {string.Join(", ", alternatives)} }};");
        }
    }
}
