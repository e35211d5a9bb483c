using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Apiforge.Generator.Tests;

/// <summary>
/// A document written to break out of every place spec text reaches the output: the output compiles, carries no
/// directives but #nullable, and the assembly holds exactly the types and members the document describes.
/// </summary>
public class InjectionTests
{
    private static readonly string[] s_payloads =
    {
        "*/ </summary> <see cref=\"X\"/> \" \\ \r\n#pragma warning disable\n#line 1 \"evil.cs\"\n}; public class Pwned { } //",
        "\u2028} class Pwned2 { } /*\u2029 \u0085 x \u202Ebidi\u202C \u2066isolate\u2069 \u200F\u061C",
        "\\u0022); System.Environment.Exit(1); // \\\" \\\\ \\n",
        "@\"\"\"; $\"{1}\" {{ }} \"\"\" /// <summary> <![CDATA[ ]]> &amp; &",
        "\t\v\f\0\u0001\u001F\u007F\uFEFF\uFFFF",
    };

    private static string P(int i) => s_payloads[i % s_payloads.Length];

    internal static string HostileDocument()
    {
        var schemas = new JsonObject();
        var payloadProperties = new JsonObject();
        for (var i = 0; i < s_payloads.Length; i++)
        {
            payloadProperties["p" + i] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = P(i),
                ["title"] = P(i + 1),
                ["default"] = P(i + 2),
                ["example"] = P(i + 3),
                ["x-evil"] = P(i + 4),
            };
        }
        // Property names that are keywords, symbols only, or payloads themselves.
        payloadProperties["class"] = new JsonObject { ["type"] = "integer", ["description"] = P(0) };
        payloadProperties["}"] = new JsonObject { ["type"] = "boolean" };
        payloadProperties["\"; } class Pwned3 { //"] = new JsonObject { ["type"] = "string" };
        payloadProperties["*/"] = new JsonObject { ["type"] = "number" };
        payloadProperties[""] = new JsonObject { ["type"] = "string" };
        schemas["Evil"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = P(0),
            ["required"] = new JsonArray("class"),
            ["properties"] = payloadProperties,
            ["x-evil"] = new JsonObject { ["code"] = P(1) },
        };
        schemas["*/ </summary> class"] = new JsonObject
        {
            ["type"] = "string",
            ["description"] = P(1),
            ["enum"] = new JsonArray(s_payloads.Select(p => (JsonNode?)JsonValue.Create(p)).Concat(new JsonNode?[] { "class", "", "*/", "\"", "\\" }).ToArray()),
        };
        schemas["int"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["int"] = new JsonObject { ["type"] = "string" } } };
        schemas["\u202Eevil\u202C"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["x"] = new JsonObject { ["type"] = "string" } } };

        var operation = new JsonObject
        {
            ["operationId"] = "\"; } } class Pwned4 { void M() { //",
            ["summary"] = P(0),
            ["description"] = P(1),
            ["tags"] = new JsonArray(P(2), P(3)),
            ["x-evil"] = P(4),
            ["parameters"] = new JsonArray(
                new JsonObject { ["name"] = "id\"/*", ["in"] = "path", ["required"] = true, ["description"] = P(2), ["schema"] = new JsonObject { ["type"] = "string", ["default"] = P(3) } },
                new JsonObject { ["name"] = "q\n#line 9", ["in"] = "query", ["description"] = P(3), ["schema"] = new JsonObject { ["type"] = "string", ["example"] = P(4) } },
                new JsonObject { ["name"] = "X-\"Evil\"", ["in"] = "header", ["description"] = P(4), ["schema"] = new JsonObject { ["type"] = "integer" } }),
            ["requestBody"] = new JsonObject
            {
                ["description"] = P(0),
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Evil" } } },
            },
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = P(1),
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/int" } } },
                },
            },
        };
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Evil \"*/ API", ["version"] = P(0), ["description"] = P(1) },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://example.com/\"+\n/*" + P(2) }),
            ["tags"] = new JsonArray(new JsonObject { ["name"] = P(2), ["description"] = P(3) }),
            ["paths"] = new JsonObject
            {
                ["/evil/{id\"/*}/\"+\n#pragma/*/</summary>"] = new JsonObject { ["post"] = operation, ["x-evil"] = P(0) },
            },
            ["components"] = new JsonObject { ["schemas"] = schemas },
            ["x-evil"] = P(3),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    [Fact]
    public void A_document_written_to_break_out_generates_exactly_what_it_describes()
    {
        var result = GeneratorHarness.Run(new SpecFile("/specs/evil.json", HostileDocument(), "Acme", "EvilClient"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "AF9999" or "AF0006" || d.DefaultSeverity == DiagnosticSeverity.Error);
        // (CompileTests.AssertCompilesCleanly looks for "#pragma warning disable" as text: here it is in doc comments.)
        var compile = result.CompileDiagnostics();
        Assert.True(compile.Count == 0, string.Join("\n", compile.Take(20)));

        // No directive but #nullable, and no skipped or missing tokens, in any generated file.
        foreach (var source in result.Sources)
        {
            var root = source.SyntaxTree.GetRoot();
            var directives = root.DescendantTrivia().Where(t => t.IsDirective).Select(t => t.GetStructure()).ToList();
            Assert.All(directives, d => Assert.IsType<NullableDirectiveTriviaSyntax>(d));
            Assert.DoesNotContain(root.DescendantTokens(), t => t.IsMissing);
            Assert.DoesNotContain(root.DescendantTrivia(), t => t.IsKind(SyntaxKind.SkippedTokensTrivia));
        }

        // Load the assembly and look at what it holds.
        using var stream = new MemoryStream();
        var emit = result.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var context = new AssemblyLoadContext("evil", isCollectible: true);
        try
        {
            stream.Position = 0;
            context.LoadFromAssemblyPath(typeof(Apiforge.Runtime.ApiException).Assembly.Location);
            var assembly = context.LoadFromStream(stream);
            // (The compiler's own <PrivateImplementationDetails> holds the data of UTF-8 literals.)
            var types = assembly.GetTypes().Where(t => !t.IsNested && t.FullName != "<PrivateImplementationDetails>").ToList();
            var names = types.Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal).ToList();

            Assert.All(names, n => Assert.Matches("^(Consumer|Acme)(\\.Serialization)?\\.[A-Za-z_][A-Za-z0-9_]*$", n));
            Assert.DoesNotContain(names, n => n.Contains("Pwned", StringComparison.Ordinal));

            var models = names.Where(n => n.StartsWith("Acme.", StringComparison.Ordinal) && !n.StartsWith("Acme.Serialization.", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { "Acme.EvilClient", "Acme.EvilClientJsonContext", "Acme.IEvilClient" }.Concat(ExpectedModels).OrderBy(n => n, StringComparer.Ordinal), models);

            // Evil: exactly its properties (one per JSON property) and the extension data bag.
            var evil = assembly.GetType("Acme.Evil")!;
            var evilProperties = evil.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(10 + 1, evilProperties.Count);
            Assert.All(evilProperties, n => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", n));
            Assert.DoesNotContain(evil.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly), m => !m.IsSpecialName);
            Assert.Empty(evil.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));

            // The JSON names survive exactly, whatever they contain.
            var jsonNames = evil.GetProperties()
                .Select(p => p.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == "JsonPropertyNameAttribute")?.ConstructorArguments[0].Value as string)
                .OfType<string>()
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            var expectedJsonNames = new[] { "p0", "p1", "p2", "p3", "p4", "class", "}", "\"; } class Pwned3 { //", "*/", "" }.OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(expectedJsonNames, jsonNames);

            // The enum (an extensible string enum: a struct with one static property per value): one member per
            // distinct value, named safely, each holding its value exactly.
            var enumType = assembly.GetTypes().Single(t => t.IsValueType && !t.IsEnum && t.Namespace == "Acme");
            var members = enumType.GetProperties(BindingFlags.Public | BindingFlags.Static).ToList();
            Assert.Equal(s_payloads.Length + 5, members.Count);
            Assert.All(members, m => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", m.Name));
            var values = members.Select(m => (string)enumType.GetProperty("Value")!.GetValue(m.GetValue(null))!).OrderBy(v => v, StringComparer.Ordinal);
            Assert.Equal(s_payloads.Concat(new[] { "class", "", "*/", "\"", "\\" }).Distinct().OrderBy(v => v, StringComparer.Ordinal), values);

            // The client: one public method per operation, plus what every client has.
            var client = assembly.GetType("Acme.IEvilClient")!;
            // The operationId's letters and digits, nothing else: '"; } } class Pwned4 { void M() { //'; and its
            // variant returning the status and headers too.
            Assert.Equal(new[] { "ClassPwned4VoidMAsync", "ClassPwned4VoidMWithResponseAsync" }, client.GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal));
            Assert.Equal(client.GetMethods().Select(m => m.Name), assembly.GetType("Acme.EvilClient")!.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name));
        }
        finally
        {
            context.Unload();
        }
    }

    private static readonly string[] ExpectedModels = { "Acme.Evil", "Acme.SummaryClass", "Acme.Int", "Acme.Evil2" };
}
