using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Apiforge.Generator.Tests;

/// <summary>Deep or huge input ends in bounded time and memory, with a diagnostic, and never blows the stack.</summary>
public class LimitTests(ITestOutputHelper output)
{
    private const string Head = "openapi: 3.0.0\ninfo: { title: limits, version: '1' }\npaths: {}\n";

    private GenerationResult Measure(string name, params SpecFile[] specs)
    {
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var result = GeneratorHarness.Run(specs);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine($"{name}: {stopwatch.ElapsedMilliseconds} ms, {allocated / (1024 * 1024)} MiB allocated, process peak working set {peak / (1024 * 1024)} MiB");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"{name} took {stopwatch.Elapsed}");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "AF9999");
        return result;
    }

    private static Diagnostic Expect(GenerationResult result, string id)
    {
        var diagnostic = result.GeneratorDiagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(diagnostic is not null, $"no {id} in: " + string.Join("\n", result.GeneratorDiagnostics));
        Assert.NotEqual(Location.None, diagnostic!.Location);
        return diagnostic;
    }

    [Fact]
    public void Schema_nested_10000_levels_in_json_is_cut_back_with_AF0011()
    {
        const int Levels = 10_000;
        var builder = new StringBuilder("{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"deep\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"Deep\":");
        for (var i = 0; i < Levels; i++) builder.Append("{\"type\":\"object\",\"properties\":{\"a\":");
        builder.Append("{\"type\":\"string\"}");
        for (var i = 0; i < Levels; i++) builder.Append("}}");
        builder.Append("}}}");
        var result = Measure("nesting 10,000 (JSON)", new SpecFile("/specs/deep.json", builder.ToString()));
        var d = Expect(result, "AF0011");
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".Models.Deep.g.cs", StringComparison.Ordinal));
        CompileTests.AssertCompilesCleanly(result);
    }

    [Fact]
    public void Schema_nested_deeper_than_the_limit_in_yaml_is_cut_back_with_AF0011()
    {
        // Block style: 200 levels of mappings (the limit is 128).
        var builder = new StringBuilder(Head + "components:\n  schemas:\n    Deep:\n");
        var indent = "      ";
        for (var i = 0; i < 100; i++)
        {
            builder.Append(indent).Append("type: object\n").Append(indent).Append("properties:\n").Append(indent).Append("  a:\n");
            indent += "    ";
        }
        builder.Append(indent).Append("type: string\n");
        var result = Measure("nesting 200 (YAML block)", new SpecFile("/specs/deep.yaml", builder.ToString()));
        var d = Expect(result, "AF0011");
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        // Level i's "properties" mapping is at depth 5 + 2i and starts on line 6 + 3i + 2: level 62 is the first past 128.
        Assert.Equal(6 + (3 * 62) + 2, d.Location.GetLineSpan().StartLinePosition.Line);
        CompileTests.AssertCompilesCleanly(result);
    }

    [Fact]
    public void Schema_nested_10000_levels_in_yaml_flow_style_is_AF0010()
    {
        const int Levels = 10_000;
        var builder = new StringBuilder(Head + "components:\n  schemas:\n    Deep: ");
        for (var i = 0; i < Levels; i++) builder.Append("{type: object, properties: {a: ");
        builder.Append("{type: string}");
        for (var i = 0; i < Levels; i++) builder.Append("}}");
        builder.Append('\n');
        var result = Measure("nesting 10,000 (YAML flow)", new SpecFile("/specs/deep.yaml", builder.ToString()));
        // SharpYaml slows down quadratically with flow nesting, so past twice the limit the document is rejected.
        var d = Expect(result, "AF0010");
        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        Assert.Equal(5, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Ref_cycle_is_AF0012_and_recursive_types_still_generate()
    {
        const string Spec = Head + """
            components:
              schemas:
                A:
                  $ref: '#/components/schemas/B'
                B:
                  $ref: '#/components/schemas/A'
                Node:
                  type: object
                  properties:
                    next: { $ref: '#/components/schemas/Node' }
                    other: { $ref: '#/components/schemas/A' }
            """;
        var result = Measure("$ref cycle", new SpecFile("/specs/cycle.yaml", Spec));
        var d = Expect(result, "AF0012");
        Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".Models.Node.g.cs", StringComparison.Ordinal));
        CompileTests.AssertCompilesCleanly(result);
    }

    [Fact]
    public void A_50_MB_description_is_AF0010_without_reading_the_document()
    {
        var spec = Head.Replace("title: limits", "title: limits, description: '" + new string('x', 50 * 1024 * 1024) + "'", StringComparison.Ordinal);
        var result = Measure("50 MB description", new SpecFile("/specs/huge.yaml", spec));
        var d = Expect(result, "AF0010");
        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0), d.Location.GetLineSpan().StartLinePosition);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void An_enum_of_100000_values_is_AF0011_and_becomes_its_base_type()
    {
        var builder = new StringBuilder(Head + "components:\n  schemas:\n    Huge:\n      type: string\n      enum:\n");
        for (var i = 0; i < 100_000; i++) builder.Append("        - v").Append(i).Append('\n');
        var result = Measure("enum of 100,000", new SpecFile("/specs/enum.yaml", builder.ToString()));
        var d = Expect(result, "AF0011");
        Assert.Equal(7, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(result.Sources, s => s.HintName.EndsWith(".Models.Huge.g.cs", StringComparison.Ordinal));
        CompileTests.AssertCompilesCleanly(result);
    }

    [Fact]
    public void A_yaml_alias_bomb_is_AF0010()
    {
        var builder = new StringBuilder(Head + "x-lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            builder.Append("x-lol").Append(i).Append(": &a").Append(i).Append(" [");
            builder.Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10)));
            builder.Append("]\n");
        }
        var result = Measure("YAML alias bomb (10^10 nodes)", new SpecFile("/specs/lol.yaml", builder.ToString()));
        var d = Expect(result, "AF0010");
        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        Assert.True(d.Location.GetLineSpan().StartLinePosition.Line >= 4, d.ToString());
    }

    [Fact]
    public void Limits_are_options_and_invalid_values_are_AF0005()
    {
        const string Spec = Head + "components:\n  schemas:\n    Small:\n      type: string\n      enum: [a, b, c]\n";
        var limited = new SpecFile("/specs/small.yaml", Spec, Metadata: new Dictionary<string, string> { ["MaxEnumMembers"] = "2" });
        var result = GeneratorHarness.Run(limited);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "AF0011");

        var invalid = new SpecFile("/specs/small.yaml", Spec, Metadata: new Dictionary<string, string> { ["MaxNestingDepth"] = "deep" });
        result = GeneratorHarness.Run(invalid);
        var d = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "AF0005");
        Assert.Contains("MaxNestingDepth", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(result.Sources, s => s.HintName.EndsWith(".Models.Small.g.cs", StringComparison.Ordinal));

        var tiny = new SpecFile("/specs/small.yaml", Spec, Metadata: new Dictionary<string, string> { ["MaxDocumentSize"] = "10" });
        Assert.Contains(GeneratorHarness.Run(tiny).GeneratorDiagnostics, d => d.Id == "AF0010");
    }

    [SharedTheory]
    // Early enough that even a fast machine is still parsing the 4 MB document.
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(40)]
    public void Parsing_honours_cancellation(int afterMilliseconds)
    {
        var path = Path.Combine(GeneratorHarness.SharedDirectory, "corpus", "kubernetes-1.25.json");
        var input = new Apiforge.Generator.Model.SpecInput(path, File.ReadAllText(path), new Apiforge.Generator.Options.SpecOptions("Kube", null, null, null));
        using var cancellation = new CancellationTokenSource();
        // A dedicated thread, not a timer: a timer needs the thread pool, which a busy parallel test run can starve
        // for longer than the whole parse takes.
        var canceller = new Thread(() =>
        {
            Thread.Sleep(afterMilliseconds);
            cancellation.Cancel();
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        var stopwatch = Stopwatch.StartNew();
        canceller.Start();
        Assert.ThrowsAny<OperationCanceledException>(() => Apiforge.Generator.Parsing.DocumentParser.Parse(input, cancellation.Token));
        canceller.Join();
        output.WriteLine($"cancelled at {afterMilliseconds} ms, stopped after {stopwatch.ElapsedMilliseconds} ms");
        // Stops within a few ms when the machine is idle; the bound is loose for a loaded CI machine.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(afterMilliseconds + 5000), stopwatch.Elapsed.ToString());
    }

    [SharedFact]
    public void The_driver_passes_cancellation_through()
    {
        var path = Path.Combine(GeneratorHarness.SharedDirectory, "corpus", "kubernetes-1.25.json");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => GeneratorHarness.Run(new[] { new SpecFile(path, File.ReadAllText(path)) }, Array.Empty<OtherFile>(), cancellation.Token));
    }
}
