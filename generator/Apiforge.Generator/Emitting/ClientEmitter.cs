using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;
using static Apiforge.Generator.Emitting.RuntimeNames;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Emits <c>I{Client}</c> and <c>{Client}</c>: per operation a simple method (<c>XAsync</c>, the body or nothing) and,
/// unless the result is a stream (which carries its own status and headers), <c>XWithResponseAsync</c> with the
/// status code and headers as well. The file: this skeleton; the declarations in <c>.Interface</c>; the request in
/// <c>.Parameters</c> (path, query, headers, cookies) and <c>.Bodies</c>; the answer in <c>.Responses</c>;
/// <c>.Security</c>, <c>.CallOptions</c>, <c>.Statuses</c>, <c>.SuccessBodies</c>, <c>.Streaming</c>, <c>.Groups</c>.
/// </summary>
internal static partial class ClientEmitter
{
    public static string Emit(ClientSpec client)
    {
        var ns = client.Namespace;
        var typeInfoNames = client.JsonTypes.ToDictionary(t => t.Type, t => t.PropertyName);
        var validated = ValidationEmitter.ValidatedTypes(client);
        var w = new SourceWriter { DocBaseUri = client.DocBaseUri };
        w.Lines(CSharp.Header);
        w.Line($"namespace {ns};");
        w.Line();
        foreach (var alias in Aliases) w.Line(alias);
        w.Line();

        CSharp.DocElement(w, "summary", client.Description ?? $"The {client.ClientName} API.");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"public partial interface I{client.ClientName}");
        w.OpenBrace();
        var first = true;
        foreach (var operation in RootOperations(client))
        {
            if (!first) w.Line();
            first = false;
            WriteInterfaceOperation(w, operation, ns);
        }
        w.CloseBrace();
        w.Line();

        CSharp.DocElement(w, "summary", client.Description ?? $"The {client.ClientName} API.");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"public partial class {client.ClientName} : I{client.ClientName}");
        w.OpenBrace();
        if (client.DefaultBaseAddress is not null)
        {
            w.Lines($"""
                /// <summary>The first server of the API description; used when the <c>HttpClient</c> has no <c>BaseAddress</c>.</summary>
                public const string DefaultBaseAddress = {CSharp.Literal(client.DefaultBaseAddress)};

                """);
        }
        w.Lines($$"""
            private readonly {{HttpClient}} _httpClient;

            /// <summary>Creates the client over <paramref name="httpClient"/>; its <c>BaseAddress</c>, when set, is the API's root.</summary>
            public {{client.ClientName}}({{HttpClient}} httpClient)
            {
                _httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));
            }
            """);
        WriteSecurityFields(w, client);
        WriteOperationFields(w, client);

        foreach (var index in RootOperationIndices(client))
        {
            WriteClassOperation(w, client, client.Operations[index], index, typeInfoNames, validated);
        }
        WriteResultTypes(w, client);
        w.CloseBrace();
        WriteGroups(w, client, typeInfoNames, validated);
        return w.ToString();
    }

    /// <summary>A method's statements, from the argument checks to the return.</summary>
    private static void WriteBody(SourceWriter w, ClientSpec client, OperationSpec operation, int index, Dictionary<TypeRef, string> typeInfoNames, HashSet<string> validated, bool eventStream = false, bool wholeCall = false)
    {
        var ns = client.Namespace;
        ValidationEmitter.WriteArgumentChecks(w, client, operation, validated);
        string TypeInfo(TypeRef type) => $"{client.ContextName}.Default.{typeInfoNames[type.WithNullable(false)]}";
        var baseAddress = client.DefaultBaseAddress is null ? "null" : "DefaultBaseAddress";
        WriteArgumentChecks(w, operation);
        w.Line($"var __url = new {RequestUriBuilder}(_httpClient.BaseAddress, {baseAddress});");
        WritePath(w, operation, ns, TypeInfo);
        foreach (var p in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            WriteParameter(w, p, ns, TypeInfo);
        }
        // A whole call hands the request to the runtime, which disposes it.
        w.Line($"{(wholeCall ? "var" : "using var")} __request = __url.ToRequest({OperationField(index)});");
        foreach (var p in operation.Parameters.Where(p => p.Location is ParameterLocation.Header or ParameterLocation.Cookie))
        {
            WriteParameter(w, p, ns, TypeInfo);
        }
        WriteSecurity(w, client, operation);
        if (operation.Body is { } body)
        {
            WriteRequestBody(w, body, ns, TypeInfo);
        }
        if (eventStream)
        {
            WriteEventStreamRead(w, operation, index, TypeInfo);
            return;
        }
        if (wholeCall) WriteWholeCall(w, client, operation, index, TypeInfo);
        else WriteResponse(w, client, operation, index, TypeInfo);
    }
}
