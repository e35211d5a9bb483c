using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Documents as an editor holds them while the user types: a value not typed yet is a located warning, and the rest of
/// the client is still generated and compiles.
/// </summary>
public class MidKeystrokeTests
{
    private const string Yaml = """
        openapi: 3.0.0
        info:
          title: t
          version: '1'
        paths:
          /items:
            post:
              operationId: createItem
              requestBody:
                content:
                  application/json:
              responses:
                '204':
                  description: ok
          /health:
            get:
              operationId: health
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: string }
        """;

    private const string Json = """
        {
          "openapi": "3.0.0",
          "info": { "title": "t", "version": "1" },
          "paths": {
            "/items": {
              "post": {
                "operationId": "createItem",
                "requestBody": { "content": { "application/json": null } },
                "responses": { "204": { "description": "ok" }, "400": 7 }
              }
            },
            "/health": {
              "get": {
                "operationId": "health",
                "parameters": [ null ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "allOf": [ null, { "type": "string" } ] } } } } }
              }
            }
          }
        }
        """;

    [Fact]
    public void A_media_type_without_a_value_yet_is_a_located_warning_and_the_client_survives_in_yaml()
    {
        var result = GeneratorHarness.Run(new SpecFile("/s/openapi.yaml", Yaml));

        var d = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("AF0003", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        Assert.Equal(new LinePosition(10, 10), d.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("'application/json' has no value; it is left out (at #/paths/~1items/post/requestBody/content/application~1json)", d.GetMessage(), StringComparison.Ordinal);
        var client = result.Source(".TClient.g.cs");
        Assert.Contains("CreateItemAsync(", client, StringComparison.Ordinal);
        Assert.Contains("HealthAsync(", client, StringComparison.Ordinal);
        CompileTests.AssertCompilesCleanly(result);
    }

    [Fact]
    public void Nulls_and_scalars_where_objects_belong_are_located_warnings_and_the_client_survives_in_json()
    {
        var result = GeneratorHarness.Run(new SpecFile("/s/openapi.json", Json));

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF9999");
        var warnings = result.GeneratorDiagnostics.Where(d => d.Id == "AF0003").OrderBy(d => d.Location.GetLineSpan().StartLinePosition).ToList();
        // At the member's key; a null list item at its list.
        var lines = Json.Split('\n');
        Assert.Equal(
            new[] { "\"application/json\": null", "\"400\": 7", "null ]", "null," },
            warnings.Select(d => d.Location.GetLineSpan().StartLinePosition).Select(p => lines[p.Line].Substring(p.Character, Math.Min(lines[p.Line].Length - p.Character, p.Line == 15 ? 5 : p.Line == 14 ? 6 : p.Line == 8 ? 8 : 24))));
        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("/s/openapi.json", d.Location.GetLineSpan().Path));
        var client = result.Source(".TClient.g.cs");
        Assert.Contains("CreateItemAsync(", client, StringComparison.Ordinal);
        Assert.Contains("HealthAsync(", client, StringComparison.Ordinal);
        CompileTests.AssertCompilesCleanly(result);
    }
}
