using System.Text.Json;
using Shapes;

namespace Apiforge.Client.Tests;

/// <summary>A string enum's <c>KnownValue</c>, looked up in the runtime's value table, names the member of each listed value.</summary>
public class KnownValueTests
{
    [Fact]
    public void Every_listed_value_maps_to_its_own_known_member_in_order()
    {
        var pairs = new[]
        {
            (Color.Empty, Color.Known.Empty), (Color.InProgress, Color.Known.InProgress), (Color._1st, Color.Known._1st),
            (Color.AB, Color.Known.AB), (Color.Class, Color.Known.Class), (Color.Ü, Color.Known.Ü), (Color.AB2, Color.Known.AB2),
            (Color.AB3, Color.Known.AB3), (Color.Plus1, Color.Known.Plus1), (Color.Minus1, Color.Known.Minus1),
        };
        foreach (var (value, known) in pairs)
        {
            Assert.Equal(known, value.KnownValue);
            Assert.Equal(known, JsonSerializer.Deserialize(JsonSerializer.Serialize(value, ZooClientJsonContext.Default.Color), ZooClientJsonContext.Default.Color).KnownValue);
        }
    }

    [Fact]
    public void An_unlisted_value_has_no_known_member_and_the_default_is_the_empty_value()
    {
        Assert.Null(new Color("blocked").KnownValue);
        Assert.False(new Color("blocked").IsKnown);
        Assert.Null(new Color("In-Progress").KnownValue);
        Assert.Equal(Color.Known.Empty, default(Color).KnownValue);
        Assert.Equal(Color.Empty, default);
    }
}
