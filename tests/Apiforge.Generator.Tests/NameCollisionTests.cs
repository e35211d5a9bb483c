using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>
/// The collision matrix: every name the emitters declare themselves, used as a schema name, a property name (PascalCase
/// and camelCase), an enum value and a ClientName, and namespaces that shadow System, Microsoft and Apiforge. Each case
/// generates and compiles (warnings as errors, nullable, latest analysis): a clash is renamed (AF0013) or a located AF
/// diagnostic, never a CS error.
/// </summary>
public class NameCollisionTests
{
    /// <summary>Members the emitters declare on models, enums, unions, the client and the JSON context, and names they use unqualified.</summary>
    internal static readonly string[] GeneratedNames =
    {
        "Value", "IsKnown", "AdditionalProperties", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals",
        "Finalize", "Unmatched", "DefaultBaseAddress", "Default", "Options", "CreateOptions", "GetTypeInfo", "ReadValue", "WriteValue",
        "ReadProperties", "ToWireString", "CountUnknownProperties", "String", "Int64", "Int32", "Double", "Boolean", "JsonElement",
        "Serialization", "System", "Microsoft", "Apiforge", "Global", "Task", "Ping", "PingAsync", "PingWithResponseAsync",
        "MatrixClient", "IMatrixClient", "MatrixClientJsonContext", "MatrixClientOptions", "MatrixClientServiceCollectionExtensions",
        "BaseAddress", "Credentials", "HttpClient", "CancellationToken", "Item", "Length", "Count",
    };

    private static IEnumerable<string> PropertyNames
        => GeneratedNames.Concat(GeneratedNames.Select(n => char.ToLowerInvariant(n[0]) + n.Substring(1))).Concat(new[] { "holder", "Holder", "_value", "s_name0", "_t0", "unknown" });

    public static TheoryData<string> Cases() => new() { "schema-enum", "schema-int-enum", "schema-object", "schema-union", "properties", "enum-values", "client-names" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_names_as_spec_names_compile_or_are_located_diagnostics(string matrix)
    {
        var specs = matrix switch
        {
            "schema-enum" => new[] { Spec("SchemaEnum", Schemas(_ => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a", "b") })) },
            "schema-int-enum" => new[] { Spec("SchemaIntEnum", Schemas(_ => new JsonObject { ["type"] = "integer", ["enum"] = new JsonArray(1, 2) })) },
            "schema-object" => new[] { Spec("SchemaObject", Schemas(name => new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["id"] = new JsonObject { ["type"] = "string" }, [name] = new JsonObject { ["type"] = "integer" } },
            })) },
            "schema-union" => new[] { Spec("SchemaUnion", Schemas(name => new JsonObject
            {
                ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "integer" },
                    new JsonObject { ["$ref"] = "#/components/schemas/" + (name == "Value" ? "IsKnown" : "Value") }),
            })) },
            "properties" => new[] { Spec("Properties", new JsonObject
            {
                ["Holder"] = new JsonObject { ["type"] = "object", ["properties"] = Properties() },
                ["HolderUnion"] = new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/Holder" }, new JsonObject { ["type"] = "string" }) },
            }) },
            "enum-values" => new[] { Spec("EnumValues", new JsonObject
            {
                ["Kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(PropertyNames.Append("Kind").Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()) },
                ["Level"] = new JsonObject
                {
                    ["type"] = "integer",
                    ["enum"] = new JsonArray(PropertyNames.Append("Level").Select((_, i) => (JsonNode?)JsonValue.Create(i)).ToArray()),
                    ["x-enum-varnames"] = new JsonArray(PropertyNames.Append("Level").Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                },
            }) },
            _ => GeneratedNames.Where(n => char.IsUpper(n[0])).Select((name, i) => Spec("Client" + i, Schemas(_ => new JsonObject { ["type"] = "string" }, new[] { "Pet" }), name)).ToArray(),
        };

        var result = GeneratorHarness.Run(specs);

        AssertNoCSharpErrorAndLocated(result, specs);
        if (matrix is "schema-enum" or "schema-union")
        {
            // A type cannot declare a member of its own name: the struct or union named Value is renamed, and says so.
            var renamed = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "AF0013" && d.GetMessage().StartsWith("'Value' ", StringComparison.Ordinal));
            Assert.Contains("'Value2'", renamed.GetMessage(), StringComparison.Ordinal);
            Assert.Contains(result.Sources, s => s.HintName.EndsWith(".Models.Value2.g.cs", StringComparison.Ordinal));
        }
    }

    public static TheoryData<string, string> ShadowingNamespaces() => new()
    {
        { "System", "Text" }, { "System", "Threading" }, { "System", "Net" }, { "Apiforge", "Runtime" }, { "Microsoft", "Extensions" },
        { "Acme.System", "Text" }, { "Acme.Apiforge", "Runtime" }, { "Acme.Microsoft", "Extensions" }, { "Acme.Global", "System" },
    };

    [Theory]
    [MemberData(nameof(ShadowingNamespaces))]
    public void Namespaces_that_shadow_System_Microsoft_and_Apiforge_compile_or_are_located_diagnostics(string ns, string schema)
    {
        var spec = Spec(ns, Schemas(_ => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["id"] = new JsonObject { ["type"] = "string" } } }, new[] { schema, "Pet" })) with { Namespace = ns };

        var result = GeneratorHarness.Run(new[] { spec }, "namespace Consumer { /// <summary>A consumer type.</summary>\n public static class Marker { } }");

        AssertNoCSharpErrorAndLocated(result, new[] { spec });
        if (ns is "System" or "Apiforge")
        {
            Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "AF0013" && d.GetMessage().StartsWith($"'{schema}' ", StringComparison.Ordinal));
        }
    }

    private static void AssertNoCSharpErrorAndLocated(GenerationResult result, SpecFile[] specs)
    {
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "AF9999" or "CS8785");
        foreach (var d in result.GeneratorDiagnostics.Where(d => d.Id != "AF0005"))
        {
            Assert.True(d.Location != Location.None && specs.Any(s => s.Path == d.Location.GetLineSpan().Path), "not located: " + d);
        }
        var generatedFor = specs.Where(s => result.Sources.Any(source => source.HintName.StartsWith(s.Namespace + "." + s.ClientName + ".", StringComparison.Ordinal))).ToList();
        var skipped = specs.Except(generatedFor).ToList();
        // A spec that generated nothing must say why, at a place in it (or as AF0005, an option of the item).
        Assert.All(skipped, s => Assert.Contains(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.GetMessage().Contains(Path.GetFileName(s.Path), StringComparison.Ordinal)));
        CompileTests.AssertCompilesCleanly(result);
    }

    private static JsonObject Properties()
    {
        var properties = new JsonObject();
        foreach (var name in PropertyNames) properties[name] = new JsonObject { ["type"] = name.Length % 2 == 0 ? "string" : "integer" };
        return properties;
    }

    private static JsonObject Schemas(Func<string, JsonObject> schema, IEnumerable<string>? names = null)
    {
        var schemas = new JsonObject();
        foreach (var name in names ?? GeneratedNames) schemas[name] = schema(name);
        return schemas;
    }

    /// <summary>A document whose operations return, take and list every schema, so each is reached by the client and the JSON context.</summary>
    private static SpecFile Spec(string name, JsonObject schemas, string clientName = "MatrixClient")
    {
        var paths = new JsonObject
        {
            ["/ping"] = new JsonObject { ["get"] = new JsonObject { ["operationId"] = "ping", ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "ok" } } } },
        };
        var i = 0;
        foreach (var schema in schemas)
        {
            var reference = new JsonObject { ["$ref"] = "#/components/schemas/" + schema.Key };
            paths["/items" + i++] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = schema.Key,
                    ["parameters"] = new JsonArray(new JsonObject { ["name"] = schema.Key, ["in"] = "query", ["schema"] = reference.DeepClone() }),
                    ["requestBody"] = new JsonObject { ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = reference.DeepClone() } } },
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject { ["description"] = "ok", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "array", ["items"] = reference.DeepClone() } } } },
                    },
                },
            };
        }
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "matrix", ["version"] = "1" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://example.com/api" }),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
        return new SpecFile($"/matrix/{name}.json", document.ToJsonString(), "Matrix." + name, clientName);
    }
}
