using System.Text.Json;
using Apiforge.Runtime;

namespace Apiforge.Client.Tests;

/// <summary>The runtime's style table against the OpenAPI style examples (color = blue/black/brown, R=100/G=200/B=150).</summary>
public class ApiParameterTests
{
    private static readonly JsonElement Array = JsonDocument.Parse("""["blue","black","brown"]""").RootElement;
    private static readonly JsonElement Object = JsonDocument.Parse("""{"R":100,"G":200,"B":150}""").RootElement;
    private static readonly JsonElement Scalar = JsonDocument.Parse("\"blue\"").RootElement;

    private static string Query(JsonElement value, ParameterStyle style, bool explode)
        => ApiParameter.Join(ApiParameter.Pairs("color", value, style, explode));

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "blue", "blue,black,brown", "R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Simple, true, "blue", "blue,black,brown", "R=100,G=200,B=150")]
    [InlineData(ParameterStyle.Label, false, ".blue", ".blue,black,brown", ".R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Label, true, ".blue", ".blue.black.brown", ".R=100.G=200.B=150")]
    [InlineData(ParameterStyle.Matrix, false, ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Matrix, true, ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150")]
    public void Path_styles(ParameterStyle style, bool explode, string scalar, string array, string obj)
    {
        Assert.Equal(scalar, ApiParameter.Text("color", Scalar, style, explode, escape: true));
        Assert.Equal(array, ApiParameter.Text("color", Array, style, explode, escape: true));
        Assert.Equal(obj, ApiParameter.Text("color", Object, style, explode, escape: true));
        Assert.Equal(array, ApiParameter.Text("color", new[] { "blue", "black", "brown" }, style, explode, escape: true));
    }

    [Theory]
    [InlineData(ParameterStyle.Form, false, "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Form, true, "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150")]
    [InlineData(ParameterStyle.SpaceDelimited, false, "color=blue", "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150")]
    [InlineData(ParameterStyle.PipeDelimited, false, "color=blue", "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150")]
    [InlineData(ParameterStyle.DeepObject, true, "color=blue", "color[0]=blue&color[1]=black&color[2]=brown", "color[R]=100&color[G]=200&color[B]=150")]
    public void Query_styles(ParameterStyle style, bool explode, string scalar, string array, string obj)
    {
        Assert.Equal(scalar, Query(Scalar, style, explode));
        Assert.Equal(array, Query(Array, style, explode));
        Assert.Equal(obj, Query(Object, style, explode));
        Assert.Equal(array, ApiParameter.Join(ApiParameter.Pairs("color", new[] { "blue", "black", "brown" }, style, explode)));
    }

    [Fact]
    public void Reserved_characters_in_names_and_values_are_escaped_but_deepObject_brackets_are_not()
    {
        var value = JsonDocument.Parse("""{"a b":{"c&d":["x=y", null, true, 1.5]}}""").RootElement;
        Assert.Equal("f%20g[a%20b][c%26d][0]=x%3Dy&f%20g[a%20b][c%26d][2]=true&f%20g[a%20b][c%26d][3]=1.5",
            ApiParameter.Join(ApiParameter.Pairs("f g", value, ParameterStyle.DeepObject, true)));
    }

    [Fact]
    public void Header_values_are_not_escaped()
        => Assert.Equal("a b,c/d", ApiParameter.Text("h", new[] { "a b", "c/d" }, ParameterStyle.Simple, false, escape: false));
}
