using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Where a pass over the document tree stands, as a chain of segments. The JSON pointer text is built only when a
/// diagnostic needs it, not for every member a pass walks past: three repair passes concatenated a pointer per member,
/// a third of their time on a clean document.
/// </summary>
internal sealed class JsonPointerPath
{
    public static readonly JsonPointerPath Root = new(null, null, -1);

    private readonly JsonPointerPath? _parent;
    private readonly string? _key;
    private readonly int _index;

    private JsonPointerPath(JsonPointerPath? parent, string? key, int index)
    {
        _parent = parent;
        _key = key;
        _index = index;
    }

    /// <summary>The member <paramref name="key"/> of the object here.</summary>
    public JsonPointerPath Key(string key) => new(this, key, -1);

    /// <summary>The item <paramref name="index"/> of the array here.</summary>
    public JsonPointerPath Item(int index) => new(this, null, index);

    /// <summary>The pointer as the locator reads it: <c>#/paths/~1users/get</c>.</summary>
    public override string ToString()
    {
        var segments = new List<JsonPointerPath>();
        for (var at = this; at._parent is not null; at = at._parent) segments.Add(at);
        var builder = new StringBuilder("#");
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var segment = segments[i];
            builder.Append('/').Append(segment._key is { } key ? ClientBuilder.EscapePointer(key) : segment._index.ToString(CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
