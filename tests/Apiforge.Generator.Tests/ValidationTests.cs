using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>Client-side validation: the emitted checks (snapshots), AF0020 for a pattern .NET cannot parse, the option.</summary>
public class ValidationTests
{
    private static SpecFile ClientSpec(string file, string ns, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var path = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Apiforge.Client.Tests", "specs", file);
        return new SpecFile(path, File.ReadAllText(path), ns, Metadata: metadata);
    }

    [Fact]
    public void Validation_document_compiles_and_matches_the_snapshots()
    {
        var result = GeneratorHarness.Run(ClientSpec("validation.yaml", "Validation"));
        Assert.Empty(result.GeneratorDiagnostics);
        CompileTests.AssertCompilesCleanly(result);
        Snapshots.Verify("Validation.ValidationClientValidator", result.Source("Validation.ValidationClientValidator.g.cs"));
        Snapshots.Verify("Validation.ValidationClient", result.Source("Validation.ValidationClient.g.cs"));
    }

    [Fact]
    public void Documents_without_constraints_get_no_validator_and_no_checks()
    {
        var result = GeneratorHarness.Run(ClientSpec("operations.yaml", "Ops"));
        Assert.DoesNotContain(result.Sources, s => s.HintName.EndsWith("Validator.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Sources, s => s.SourceText.ToString().Contains("ApiValidation", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_false_emits_no_checks()
    {
        var result = GeneratorHarness.Run(ClientSpec("validation.yaml", "Validation", new Dictionary<string, string> { ["Validation"] = "false" }));
        Assert.Empty(result.GeneratorDiagnostics);
        CompileTests.AssertCompilesCleanly(result);
        Assert.DoesNotContain(result.Sources, s => s.SourceText.ToString().Contains("ApiValidation", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_Validation_value_is_AF0005()
    {
        var result = GeneratorHarness.Run(ClientSpec("validation.yaml", "Validation", new Dictionary<string, string> { ["Validation"] = "sometimes" }));
        var d = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("AF0005", d.Id);
        Assert.Contains("Validation", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Models_the_client_only_receives_get_no_validator_method()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: t, version: "1" }
            paths:
              /orders:
                post:
                  operationId: placeOrder
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: "#/components/schemas/NewOrder" }
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Receipt" }
            components:
              schemas:
                Line:
                  type: object
                  properties: { sku: { type: string, maxLength: 12 } }
                NewOrder:
                  type: object
                  properties:
                    lines: { type: array, items: { $ref: "#/components/schemas/Line" } }
                Receipt:
                  type: object
                  properties:
                    number: { type: string, maxLength: 20 }
                    lines: { type: array, items: { $ref: "#/components/schemas/Line" } }
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/received.yaml", spec));
        Assert.Empty(result.GeneratorDiagnostics);
        CompileTests.AssertCompilesCleanly(result);
        var validator = result.Source("Acme.TClientValidator.g.cs");
        Assert.Contains("void ValidateNewOrder(", validator, StringComparison.Ordinal);
        Assert.Contains("void ValidateLine(", validator, StringComparison.Ordinal);
        Assert.DoesNotContain("ValidateReceipt", validator, StringComparison.Ordinal);
        Assert.Contains("TClientValidator.ValidateNewOrder(body,", result.Source("Acme.TClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_dotnet_cannot_parse_is_a_located_AF0020_and_no_check()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: t, version: "1" }
            paths:
              /a:
                get:
                  operationId: a
                  parameters:
                    - name: q
                      in: query
                      schema:
                        type: string
                        maxLength: 3
                        pattern: "[unclosed"
                  responses:
                    "204": { description: ok }
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/pattern.yaml", spec));
        var d = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("AF0020", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        var span = d.Location.GetLineSpan();
        Assert.Equal("/specs/pattern.yaml", span.Path);
        Assert.Equal("pattern", spec.Split('\n')[span.StartLinePosition.Line].Substring(span.StartLinePosition.Character).Split(':')[0]);
        var client = result.Source("Acme.TClient.g.cs");
        Assert.Contains("ApiValidation.String(q, 0, 3, null,", client, StringComparison.Ordinal);
        CompileTests.AssertCompilesCleanly(result);
    }
}
