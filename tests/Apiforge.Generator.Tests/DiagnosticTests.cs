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

    [SharedFact]
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

    // ------------------------------------------------------------------ one test per diagnostic, exact positions

    /// <summary>The first diagnostic with the id, its default severity checked, and the text at its start.</summary>
    private static (Diagnostic Diagnostic, string At) Located(string id, DiagnosticSeverity severity, SpecFile spec, params OtherFile[] others)
    {
        var result = GeneratorHarness.Run(new[] { spec }, others);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF9999");
        var d = result.GeneratorDiagnostics.Where(x => x.Id == id).OrderBy(x => x.Location.GetLineSpan().StartLinePosition).FirstOrDefault();
        Assert.True(d is not null, $"no {id} in: " + string.Join("\n", result.GeneratorDiagnostics));
        Assert.Equal(severity, d!.DefaultSeverity);
        if (d.Location == Location.None) return (d, "");
        var span = d.Location.GetLineSpan();
        var text = span.Path == spec.Path ? spec.Text : others.Single(o => o.Path == span.Path).Text;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var at = lines[span.StartLinePosition.Line].Substring(span.StartLinePosition.Character);
        return (d, at);
    }

    private static void AssertAt(Diagnostic d, int line, int column) => Assert.Equal(new LinePosition(line, column), d.Location.GetLineSpan().StartLinePosition);

    private static Dictionary<string, string> Meta(string key, string value) => new() { [key] = value };

    [Fact]
    public void AF0001_yaml_at_the_parser_position()
    {
        var (d, _) = Located("AF0001", DiagnosticSeverity.Error, new SpecFile("/s/a.yaml", "openapi: 3.0.0\ninfo:\n  title: 'x\n  version: '1'\n"));
        AssertAt(d, 3, 12);
    }

    [Fact]
    public void AF0001_json_at_the_parser_position()
    {
        var (d, _) = Located("AF0001", DiagnosticSeverity.Error, new SpecFile("/s/a.json", "{\n  \"openapi\": \"3.0.0\",\n  \"info\": { \"title\": \"x\" \"version\": \"1\" }\n}"));
        AssertAt(d, 2, 25);
    }

    [Fact]
    public void AF0002_not_openapi_and_unsupported_version_yaml_and_json()
    {
        AssertAt(Located("AF0002", DiagnosticSeverity.Error, new SpecFile("/s/a.yaml", "name: x\n")).Diagnostic, 0, 0);
        AssertAt(Located("AF0002", DiagnosticSeverity.Error, new SpecFile("/s/a.json", "  [1, 2]")).Diagnostic, 0, 0);
        var (yaml, yamlAt) = Located("AF0002", DiagnosticSeverity.Error, new SpecFile("/s/a.yaml", "info: {title: x, version: '1'}\npaths: {}\nopenapi: 5.0.0\n"));
        AssertAt(yaml, 2, 0);
        Assert.StartsWith("openapi", yamlAt, StringComparison.Ordinal);
        var (json, jsonAt) = Located("AF0002", DiagnosticSeverity.Error, new SpecFile("/s/a.json", "{\"info\": {\"title\": \"x\", \"version\": \"1\"},\n \"swagger\": \"1.2\"}"));
        AssertAt(json, 1, 1);
        Assert.StartsWith("\"swagger\"", jsonAt, StringComparison.Ordinal);
    }

    private const string YamlHead = "openapi: 3.0.0\ninfo: {title: x, version: '1'}\n";
    private const string JsonHead = "{\"openapi\": \"3.0.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"},\n";

    [Fact]
    public void AF0003_reader_error_at_the_pointer_it_names_yaml_and_json()
    {
        var (yaml, yamlAt) = Located("AF0003", DiagnosticSeverity.Warning, new SpecFile("/s/a.yaml", YamlHead + "paths:\n  /a:\n    get:\n      bogus: 1\n      responses: {'200': {description: ok}}\n"));
        AssertAt(yaml, 4, 4);
        Assert.StartsWith("get", yamlAt, StringComparison.Ordinal);
        var (json, jsonAt) = Located("AF0003", DiagnosticSeverity.Warning, new SpecFile("/s/a.json", JsonHead + "\"paths\": {\"/a\": {\n \"get\": {\"bogus\": 1, \"responses\": {\"200\": {\"description\": \"ok\"}}}}}}"));
        AssertAt(json, 2, 1);
        Assert.StartsWith("\"get\"", jsonAt, StringComparison.Ordinal);
    }

    [Fact]
    public void AF0004_unsupported_schema_at_the_schema_yaml_and_json()
    {
        const string Yaml = "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        either:\n          type: [string, integer]\n";
        var (yaml, yamlAt) = Located("AF0004", DiagnosticSeverity.Info, new SpecFile("/s/a.yaml", Yaml));
        AssertAt(yaml, 8, 8);
        Assert.StartsWith("either", yamlAt, StringComparison.Ordinal);
        const string Json = "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {},\n\"components\": {\"schemas\": {\"Thing\": {\"type\": \"object\", \"properties\": {\n  \"either\": {\"type\": [\"string\", \"integer\"]}}}}}}";
        var (json, _) = Located("AF0004", DiagnosticSeverity.Info, new SpecFile("/s/a.json", Json));
        AssertAt(json, 2, 2);
    }

    [Fact]
    public void AF0005_invalid_options_have_no_place_in_the_file()
    {
        var (d, _) = Located("AF0005", DiagnosticSeverity.Error, GeneratorHarness.Spec("tradovate-seed.yaml", ns: "1 2"));
        Assert.Equal(Location.None, d.Location);
        var (limit, _) = Located("AF0005", DiagnosticSeverity.Error, new SpecFile("/s/a.yaml", YamlHead + "paths: {}\n", Metadata: Meta("MaxEnumMembers", "-3")));
        Assert.Contains("MaxEnumMembers", limit.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void AF0006_unresolved_ref_at_the_ref_yaml_and_json()
    {
        var (yaml, yamlAt) = Located("AF0006", DiagnosticSeverity.Warning, new SpecFile("/s/a.yaml", YamlHead + "paths: {}\ncomponents:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        other:\n          $ref: '#/components/schemas/Missing'\n"));
        AssertAt(yaml, 9, 10);
        Assert.StartsWith("$ref", yamlAt, StringComparison.Ordinal);
        var (json, _) = Located("AF0006", DiagnosticSeverity.Warning, new SpecFile("/s/a.json", JsonHead + "\"paths\": {}, \"components\": {\"schemas\": {\"Thing\": {\"type\": \"object\", \"properties\": {\"other\":\n   {\"$ref\": \"#/components/schemas/Missing\"}}}}}}"));
        AssertAt(json, 2, 4);
    }

    [Fact]
    public void AF0007_duplicate_client_has_no_place_in_a_file()
    {
        var seed = GeneratorHarness.Spec("tradovate-seed.yaml");
        var result = GeneratorHarness.Run(seed, seed with { Path = seed.Path + ".copy.yaml" });
        var d = Assert.Single(result.GeneratorDiagnostics, x => x.Id == "AF0007");
        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        Assert.Equal(Location.None, d.Location);
    }

    [Fact]
    public void AF0008_operation_skipped_at_what_is_not_supported_yaml_and_json()
    {
        // Every body, parameter and response shape generates now; a path template no URI can be built from does not.
        const string Op = "paths:\n  /a/{id:\n    get:\n      responses: {'204': {description: ok}}\n";
        var (yaml, yamlAt) = Located("AF0008", DiagnosticSeverity.Warning, new SpecFile("/s/a.yaml", YamlHead + Op));
        AssertAt(yaml, 4, 4);
        Assert.StartsWith("get", yamlAt, StringComparison.Ordinal);
        var (json, _) = Located("AF0008", DiagnosticSeverity.Warning, new SpecFile("/s/a.json", JsonHead + "\"paths\": {\"/a/{}\": {\n  \"get\": {\"responses\": {\"204\": {\"description\": \"ok\"}}}}}}"));
        AssertAt(json, 2, 2);

        // What earlier versions skipped: a multipart body and an array in a path segment.
        var result = GeneratorHarness.Run(new SpecFile("/s/b.yaml", YamlHead + "paths:\n  /a/{ids}:\n    post:\n      parameters:\n        - {name: ids, in: path, required: true, schema: {type: array, items: {type: string}}}\n      requestBody:\n        content:\n          multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}\n      responses: {'204': {description: ok}}\n"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF0008");
        CompileTests.AssertCompilesCleanly(result);
    }

    [Fact]
    public void AF0009_ref_to_a_file_that_is_not_an_AdditionalFile_yaml_and_json()
    {
        var (yaml, yamlAt) = Located("AF0009", DiagnosticSeverity.Warning, new SpecFile("/s/a.yaml", YamlHead + "paths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: 'pet.yaml'\n"));
        AssertAt(yaml, 6, 6);
        Assert.StartsWith("$ref", yamlAt, StringComparison.Ordinal);
        var (json, _) = Located("AF0009", DiagnosticSeverity.Warning, new SpecFile("/s/a.json", JsonHead + "\"paths\": {}, \"components\": {\"schemas\": {\"Pet\":\n {\"$ref\": \"pet.json\"}}}}"));
        AssertAt(json, 2, 2);
        // Found when it is an AdditionalFile, and its own errors are located in it.
        var (inner, innerAt) = Located("AF0001", DiagnosticSeverity.Error, new SpecFile("/s/a.yaml", YamlHead + "paths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: 'pet.yaml'\n"),
            new OtherFile("/s/pet.yaml", "type: object\nproperties: {a: [}\n"));
        Assert.Equal("/s/pet.yaml", inner.Location.GetLineSpan().Path);
        Assert.Equal(1, inner.Location.GetLineSpan().StartLinePosition.Line);
        Assert.NotNull(innerAt);
    }

    [Fact]
    public void AF0010_document_limit_at_the_alias_yaml_and_at_the_start_json()
    {
        var (yaml, yamlAt) = Located("AF0010", DiagnosticSeverity.Error, new SpecFile("/s/a.yaml", YamlHead + "paths: {}\nx-a: &a [1, 2, 3, 4]\nx-b: [*a, *a]\n", Metadata: Meta("MaxExpandedNodes", "6")));
        AssertAt(yaml, 4, 10);
        Assert.StartsWith("*a", yamlAt, StringComparison.Ordinal);
        var (json, _) = Located("AF0010", DiagnosticSeverity.Error, new SpecFile("/s/a.json", JsonHead + "\"paths\": {}}", Metadata: Meta("MaxDocumentSize", "20")));
        AssertAt(json, 0, 0);
    }

    [Fact]
    public void AF0011_part_limit_at_the_enum_yaml_and_json()
    {
        var (yaml, yamlAt) = Located("AF0011", DiagnosticSeverity.Warning, new SpecFile("/s/a.yaml", YamlHead + "paths: {}\ncomponents:\n  schemas:\n    Color:\n      type: string\n      enum: [red, green, blue]\n", Metadata: Meta("MaxEnumMembers", "2")));
        AssertAt(yaml, 7, 6);
        Assert.StartsWith("enum", yamlAt, StringComparison.Ordinal);
        var (json, _) = Located("AF0011", DiagnosticSeverity.Warning, new SpecFile("/s/a.json", JsonHead + "\"paths\": {}, \"components\": {\"schemas\": {\"Color\": {\"type\": \"string\",\n  \"enum\": [\"red\", \"green\", \"blue\"]}}}}", Metadata: Meta("MaxEnumMembers", "2")));
        AssertAt(json, 2, 2);
    }

    [Fact]
    public void AF0012_ref_cycle_at_the_ref_yaml_and_json()
    {
        var (yaml, yamlAt) = Located("AF0012", DiagnosticSeverity.Warning, new SpecFile("/s/a.yaml", YamlHead + "paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\n"));
        Assert.StartsWith("$ref", yamlAt, StringComparison.Ordinal);
        Assert.Equal(0, yaml.Location.GetLineSpan().StartLinePosition.Line % 2);
        var (json, jsonAt) = Located("AF0012", DiagnosticSeverity.Warning, new SpecFile("/s/a.json", JsonHead + "\"paths\": {}, \"components\": {\"schemas\": {\n \"A\": {\"$ref\": \"#/components/schemas/A\"}}}}"));
        AssertAt(json, 2, 7);
        Assert.StartsWith("\"$ref\"", jsonAt, StringComparison.Ordinal);
    }

    [Fact]
    public void AF0013_name_collision_renamed_yaml_and_json()
    {
        var (yaml, yamlAt) = Located("AF0013", DiagnosticSeverity.Info, new SpecFile("/s/a.yaml", YamlHead + "paths: {}\ncomponents:\n  schemas:\n    pet: {type: object, properties: {a: {type: string}}}\n    Pet: {type: object, properties: {b: {type: string}}}\n"));
        AssertAt(yaml, 6, 4);
        Assert.StartsWith("Pet:", yamlAt, StringComparison.Ordinal);
        Assert.Contains("'Pet2'", yaml.GetMessage(), StringComparison.Ordinal);
        var (json, _) = Located("AF0013", DiagnosticSeverity.Info, new SpecFile("/s/a.json", JsonHead + "\"paths\": {\"/a\": {\"get\": {\"operationId\": \"list\", \"responses\": {\"204\": {\"description\": \"ok\"}}},\n  \"put\": {\"operationId\": \"list\", \"responses\": {\"204\": {\"description\": \"ok\"}}}}}}"));
        AssertAt(json, 2, 2);
    }

    [Fact]
    public void AF0014_duplicate_key_yaml_and_json()
    {
        var (yaml, yamlAt) = Located("AF0014", DiagnosticSeverity.Warning, new SpecFile("/s/a.yaml", YamlHead + "paths: {}\ncomponents:\n  schemas:\n    A: {type: string}\n    A: {type: integer}\n"));
        AssertAt(yaml, 6, 4);
        Assert.StartsWith("A:", yamlAt, StringComparison.Ordinal);
        var json = GeneratorHarness.Run(new SpecFile("/s/a.json", JsonHead + "\"paths\": {}, \"components\": {\"schemas\": {\n \"A\": {\"type\": \"string\"}, \"A\": {\"type\": \"integer\"}}}}"));
        // System.Text.Json either keeps one of the two or rejects the object: never a crash, and located when reported.
        Assert.DoesNotContain(json.GeneratorDiagnostics, d => d.Id == "AF9999");
        Assert.All(json.GeneratorDiagnostics.Where(d => d.Id == "AF0014"), d => Assert.Equal("/s/a.json", d.Location.GetLineSpan().Path));
    }

    [Fact]
    public void AF9999_an_exception_that_escapes_is_reported_with_the_document_and_the_build_goes_on()
    {
        // A SpecInput without options cannot occur in the pipeline: it makes the parser throw, as a bug would.
        var safeParse = typeof(OpenApiClientGenerator).GetMethod("SafeParse", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var input = new Apiforge.Generator.Model.SpecInput("/s/bug.yaml", "openapi: 3.0.0\n", null!);
        var result = (Apiforge.Generator.Model.ParseResult)safeParse.Invoke(null, new object[] { input, CancellationToken.None })!;
        Assert.Null(result.Client);
        var d = Assert.Single(result.Diagnostics).ToDiagnostic();
        Assert.Equal("AF9999", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        Assert.Equal(Location.None, d.Location);
        Assert.Contains("/s/bug.yaml", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("NullReferenceException", d.GetMessage(), StringComparison.Ordinal);
    }

    [SharedFact]
    public void Kubernetes_has_no_false_2_0_reader_warnings_and_its_diagnostics_are_located_in_bounded_time()
    {
        // Before the located index: 5,125 AF0003 warnings for valid 2.0 fields, each located by rescanning 4 MB (~80 s).
        var path = Path.Combine(GeneratorHarness.SharedDirectory, "corpus", "kubernetes-1.25.json");
        var spec = new SpecFile(path, File.ReadAllText(path));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var result = GeneratorHarness.Run(spec);
        stopwatch.Stop();
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "AF0003" or "AF9999");
        var renamed = result.GeneratorDiagnostics.Where(d => d.Id == "AF0013").ToList();
        Assert.NotEmpty(renamed);
        Assert.All(renamed, d => Assert.Equal(path, d.Location.GetLineSpan().Path));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), stopwatch.Elapsed.ToString());
    }

    // ------------------------------------------------------------------ line breaks: Roslyn's line numbering

    public static TheoryData<string, string, string> LineBreakCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var format in new[] { "yaml", "json" })
        {
            foreach (var diagnostic in new[] { "AF0006", "AF0001" })
            {
                // Inside a string (the reader's own line counting differs from Roslyn's), and as the document's line ending.
                foreach (var lineBreak in new[] { "U+2028", "U+2029", "U+0085", "CRLF", "CR" }) data.Add(format, diagnostic, lineBreak);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LineBreakCases))]
    public void Diagnostics_are_on_Roslyns_line_whatever_the_line_breaks(string format, string id, string lineBreak)
    {
        var (baseline, _) = LineBreakDocument(format, id, "\n", "");
        var (text, path) = lineBreak switch
        {
            "CRLF" => LineBreakDocument(format, id, "\r\n", ""),
            "CR" => LineBreakDocument(format, id, "\r", ""),
            _ => LineBreakDocument(format, id, "\n", ((char)Convert.ToInt32(lineBreak.Substring(2), 16)).ToString()),
        };
        var expected = Single(id, new SpecFile(path, baseline));
        var d = Single(id, new SpecFile(path, text));

        // The same place in the text as without the line break...
        var expectedStart = expected.Location.SourceSpan.Start;
        var tail = baseline.Substring(expectedStart, Math.Min(12, baseline.Length - expectedStart)).Replace("\n", "", StringComparison.Ordinal);
        var start = d.Location.SourceSpan.Start;
        Assert.StartsWith(tail, text.Substring(start).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // ...and on the line and column Roslyn gives that place.
        Assert.Equal(SourceText.From(text).Lines.GetLinePosition(start), d.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(SourceText.From(text).Lines.GetLinePosition(d.Location.SourceSpan.End), d.Location.GetLineSpan().EndLinePosition);
    }

    /// <summary>A document with <paramref name="inString"/> in a description, lines ended by <paramref name="newLine"/>, and the diagnostic after both.</summary>
    private static (string Text, string Path) LineBreakDocument(string format, string id, string newLine, string inString)
    {
        var lines = format == "yaml"
            ? new[]
            {
                "openapi: 3.0.0", "info:", "  title: t", "  version: '1'", $"  description: \"one{inString}two{inString}three\"", "paths:", "  /a:", "    get:",
                "      responses:", "        '200':", "          description: ok", "          content:", "            application/json:",
                id == "AF0006" ? "              schema: { $ref: '#/components/schemas/Missing' }" : "              schema: { type: [ }",
            }
            : new[]
            {
                "{", "  \"openapi\": \"3.0.0\",", $"  \"info\": {{ \"title\": \"t\", \"version\": \"1\", \"description\": \"one{inString}two{inString}three\" }},",
                "  \"paths\": { \"/a\": { \"get\": { \"responses\": { \"200\": {", "    \"description\": \"ok\",",
                id == "AF0006" ? "    \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Missing\" } } }"
                               : "    \"content\": { \"application/json\": { \"schema\": { \"type\" \"string\" } } }",
                "  } } } } }", "}",
            };
        return (string.Join(newLine, lines) + newLine, "/s/breaks." + format);
    }
}
