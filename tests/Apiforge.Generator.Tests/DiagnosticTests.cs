using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Apiforge.Generator.Tests;

public class DiagnosticTests
{
    private static Diagnostic Single(string id, params SpecFile[] specs)
    {
        var result = GeneratorHarness.Run(specs);
        return Assert.Single(result.GeneratorDiagnostics, d => d.Id == id);
    }

    [Fact]
    public void Malformed_2021_yaml_gives_located_warnings_and_still_generates()
    {
        var path = Path.Combine(GeneratorHarness.SharedDirectory, "specs-found", "tradovate-api-2021_example-api-csharp-trading_services.swagger.yaml");
        var text = File.ReadAllText(path);
        var result = GeneratorHarness.Run(new SpecFile(path, text));

        var diagnostics = result.GeneratorDiagnostics.Where(d => d.Id == "AF0003").ToList();
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        var first = diagnostics.First(d => d.GetMessage().Contains("/auth/accesstokenrequest", StringComparison.Ordinal) || d.GetMessage().Contains("~1auth~1accesstokenrequest", StringComparison.Ordinal));
        var span = first.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        // The reader complains about /paths/~1auth~1accesstokenrequest/post/description: the location is that key.
        var line = text.Split('\n')[span.StartLinePosition.Line];
        Assert.Equal("description", line.Substring(span.StartLinePosition.Character).Split(':')[0]);
        Assert.NotEmpty(result.Sources);
        CompileTests.AssertCompilesCleanly(result);
    }

    [Fact]
    public void Yaml_syntax_error_is_AF0001_at_the_parser_line()
    {
        var d = Single("AF0001", new SpecFile("/specs/bad.yaml", "openapi: 3.0.0\ninfo:\n  title: x\n  version: '1'\npaths: {\n  /a: [\n"));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("/specs/bad.yaml", d.Location.GetLineSpan().Path);
        Assert.True(d.Location.GetLineSpan().StartLinePosition.Line >= 4, d.ToString());
    }

    [Fact]
    public void Json_syntax_error_is_AF0001_at_the_parser_line()
    {
        var d = Single("AF0001", new SpecFile("/specs/bad.json", "{\n  \"openapi\": \"3.0.0\",\n  \"info\": { \"title\": \"x\" \"version\": \"1\" }\n}"));
        Assert.Equal(2, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_file_that_is_not_openapi_is_AF0002()
    {
        var d = Single("AF0002", new SpecFile("/specs/openapi.yaml", "name: not a spec\nitems: [1, 2]\n"));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(new LinePosition(0, 0), d.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void Unsupported_version_is_AF0002_at_the_version()
    {
        var d = Single("AF0002", new SpecFile("/specs/openapi.yaml", "info:\n  title: x\n  version: '1'\nopenapi: 4.0.0\npaths: {}\n"));
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Invalid_namespace_option_is_AF0005()
    {
        var d = Single("AF0005", GeneratorHarness.Spec("tradovate-seed.yaml", ns: "1 2"));
        Assert.Contains("'1 2'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_specs_with_one_client_name_are_AF0007_and_nothing_crashes()
    {
        var seed = GeneratorHarness.Spec("tradovate-seed.yaml");
        var result = GeneratorHarness.Run(seed, seed with { Path = seed.Path + ".copy.yaml" });
        Assert.Single(result.GeneratorDiagnostics, d => d.Id == "AF0007");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF9999");
        CompileTests.AssertCompilesCleanly(result);
    }

    [Fact]
    public void Unresolved_ref_is_AF0006_and_falls_back_to_JsonElement()
    {
        const string spec = """
            openapi: 3.0.0
            info: { title: x, version: '1' }
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    other:
                      $ref: '#/components/schemas/Missing'
            """;
        var result = GeneratorHarness.Run(new SpecFile("/specs/refs.yaml", spec));
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id is "AF0006" or "AF0003");
        CompileTests.AssertCompilesCleanly(result);
    }
}
