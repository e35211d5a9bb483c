using System.Text.Json.Nodes;
using Apiforge.Generator.Parsing;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace Apiforge.Generator.Tests;

/// <summary>The one-pass YAML loader gives exactly what YamlStream + Microsoft.OpenApi's YamlConverter gave.</summary>
public class YamlLoaderTests
{
    private static JsonNode? Reference(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return YamlConverter.ToJsonNode(stream.Documents[0]);
    }

    private static JsonNode? Loaded(string text) => YamlJsonLoader.FirstDocument(YamlJsonLoader.ReadEvents(text));

    [Theory]
    [InlineData("a: 1\nb: 1.5\nc: true\nd: True\ne: null\nf: ~\ng:\nh: 0x10\ni: 1e3\nj: '1'\nk: \"true\"\nl: .inf\nm: yes\nn: -7\no: 01\n")]
    [InlineData("p: 12345678901234567890123\nq: |\n  lit\nr: [1, x, {s: 2}]\nt: &anc {u: 1}\nv: *anc\nw: !!str 5\nx: False\ny: NULL\nz: 1_000\naa: +5\nab: 3.\nac: Infinity\n")]
    [InlineData("- &a [1, 2]\n- *a\n- {k: *a}\n- 'null'\n- nUll\n- \"\"\n- >\n  folded\n  text\n")]
    [InlineData("200: ok\nnull: key\ntrue: key2\n")]
    public void Scalars_collections_and_aliases_match_YamlConverter(string yaml)
    {
        Assert.True(JsonNode.DeepEquals(Reference(yaml), Loaded(yaml)), $"{Reference(yaml)!.ToJsonString()}\n{Loaded(yaml)!.ToJsonString()}");
    }

    [Fact]
    public void Every_yaml_document_in_the_corpus_and_specs_loads_the_same()
    {
        var files = Directory.GetFiles(Path.Combine(GeneratorHarness.SharedDirectory, "corpus"), "*.y*ml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(GeneratorHarness.SharedDirectory, "specs-found"), "*.y*ml", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(GeneratorHarness.SpecsDirectory, "*.yaml"))
            .ToList();
        Assert.True(files.Count > 10);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            JsonNode? expected;
            try
            {
                expected = Reference(text);
            }
            catch (Exception ex) when (ex is SharpYaml.YamlException or InvalidOperationException or ArgumentException)
            {
                Assert.ThrowsAny<Exception>(() => Loaded(text));
                continue;
            }
            Assert.True(JsonNode.DeepEquals(expected, Loaded(text)), file);
        }
    }

    [Fact]
    public void Alias_bombs_stop_at_the_node_budget()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 0; i < 12; i++)
        {
            var previous = (char)('a' + i);
            var next = (char)('a' + i + 1);
            yaml += $"{next}: &{next} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
        }
        Assert.Throws<InvalidOperationException>(() => Loaded(yaml));
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var yaml = string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000));
        Assert.ThrowsAny<Exception>(() => Loaded(yaml));
    }
}
