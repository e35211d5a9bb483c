using System;
using System.ComponentModel;
using System.Text.Json;

namespace Apiforge.Runtime;

/// <summary>Counts the properties of the JSON object at the reader that a generated class does not declare. Used by generated code.</summary>
/// <param name="reader">A copy of the reader, at the object's start.</param>
/// <returns>How many properties the class does not know.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate int JsonUnknownPropertyCounter(Utf8JsonReader reader);

/// <summary>The JSON tokens an alternative of a union can start with. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ApiUnionToken
{
    /// <summary>Any token: the alternative's own reader decides.</summary>
    Any,

    /// <summary>A string.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An array.</summary>
    Array,

    /// <summary>An object.</summary>
    Object,
}

/// <summary>Builds the alternatives of a generated union's reader. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiUnion
{
    /// <summary>A class alternative: tried on JSON objects, best match (fewest unknown properties) first.</summary>
    /// <typeparam name="TUnion">The union.</typeparam>
    /// <param name="read">Reads the class and wraps it in the union.</param>
    /// <param name="countUnknownProperties">The class's count of properties it does not declare.</param>
    /// <returns>The alternative.</returns>
    public static ApiUnionAlternative<TUnion> Class<TUnion>(JsonValueReader<TUnion> read, JsonUnknownPropertyCounter countUnknownProperties)
        => new(ApiUnionToken.Object, read ?? throw new ArgumentNullException(nameof(read)),
            countUnknownProperties ?? throw new ArgumentNullException(nameof(countUnknownProperties)));

    /// <summary>Any other alternative: tried, in order, on JSON that starts with <paramref name="token"/>.</summary>
    /// <typeparam name="TUnion">The union.</typeparam>
    /// <param name="token">The tokens the alternative can start with.</param>
    /// <param name="read">Reads the value and wraps it in the union.</param>
    /// <returns>The alternative.</returns>
    public static ApiUnionAlternative<TUnion> Of<TUnion>(ApiUnionToken token, JsonValueReader<TUnion> read)
        => new(token, read ?? throw new ArgumentNullException(nameof(read)), null);
}

/// <summary>One alternative of a generated union. Used by generated code.</summary>
/// <typeparam name="TUnion">The union.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiUnionAlternative<TUnion>
{
    internal ApiUnionAlternative(ApiUnionToken token, JsonValueReader<TUnion> read, JsonUnknownPropertyCounter? countUnknownProperties)
    {
        Token = token;
        Read = read;
        CountUnknownProperties = countUnknownProperties;
    }

    internal ApiUnionToken Token { get; }

    internal JsonValueReader<TUnion> Read { get; }

    /// <summary>Set for class alternatives only.</summary>
    internal JsonUnknownPropertyCounter? CountUnknownProperties { get; }

    internal bool Fits(JsonTokenType token) => Token switch
    {
        ApiUnionToken.String => token == JsonTokenType.String,
        ApiUnionToken.Number => token == JsonTokenType.Number,
        ApiUnionToken.Boolean => token is JsonTokenType.True or JsonTokenType.False,
        ApiUnionToken.Array => token == JsonTokenType.StartArray,
        ApiUnionToken.Object => token == JsonTokenType.StartObject,
        _ => true,
    };
}

/// <summary>
/// Reads a generated union: the class alternatives best match first (fewest properties the class does not declare), then
/// every other alternative whose first token fits, in the order the description lists them, each on a copy of the
/// reader; JSON none of them reads is kept as it came. Used by generated code.
/// </summary>
/// <typeparam name="TUnion">The union.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiUnionReader<TUnion>
{
    // Class alternatives ranked on the stack up to this many; a union of more ranks them in an array.
    private const int StackLimit = 32;

    private readonly Func<JsonElement, TUnion> _unmatched;
    private readonly ApiUnionAlternative<TUnion>[] _classes;
    private readonly ApiUnionAlternative<TUnion>[] _others;

    /// <summary>A reader over the union's alternatives. Used by generated code.</summary>
    /// <param name="unmatched">Wraps JSON no alternative reads.</param>
    /// <param name="alternatives">The alternatives, in the order the description lists them.</param>
    public ApiUnionReader(Func<JsonElement, TUnion> unmatched, params ApiUnionAlternative<TUnion>[] alternatives)
    {
        _unmatched = unmatched ?? throw new ArgumentNullException(nameof(unmatched));
        if (alternatives is null) throw new ArgumentNullException(nameof(alternatives));
        _classes = System.Array.FindAll(alternatives, a => a.CountUnknownProperties is not null);
        _others = System.Array.FindAll(alternatives, a => a.CountUnknownProperties is null);
    }

    /// <summary>Reads the union at the reader's current token, leaving the reader on the value's last token.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The union.</returns>
    public TUnion Read(ref Utf8JsonReader reader)
    {
        if (_classes.Length > 0 && reader.TokenType == JsonTokenType.StartObject && TryReadClass(ref reader, out var value))
        {
            return value;
        }
        foreach (var alternative in _others)
        {
            if (alternative.Fits(reader.TokenType) && TryRead(alternative, ref reader, out value)) return value;
        }
        return _unmatched(JsonElement.ParseValue(ref reader));
    }

    private bool TryReadClass(ref Utf8JsonReader reader, out TUnion value)
    {
        var unknown = _classes.Length <= StackLimit ? stackalloc int[_classes.Length] : new int[_classes.Length];
        for (var k = 0; k < _classes.Length; k++) unknown[k] = _classes[k].CountUnknownProperties!(reader);
        for (var attempt = 0; attempt < _classes.Length; attempt++)
        {
            // Fewest unknown properties first; a tie goes to the alternative listed first.
            var best = -1;
            for (var k = 0; k < unknown.Length; k++)
            {
                if (unknown[k] >= 0 && (best < 0 || unknown[k] < unknown[best])) best = k;
            }
            if (best < 0) break;
            unknown[best] = -1;
            if (TryRead(_classes[best], ref reader, out value)) return true;
        }
        value = default!;
        return false;
    }

    private static bool TryRead(ApiUnionAlternative<TUnion> alternative, ref Utf8JsonReader reader, out TUnion value)
    {
        var copy = reader;
        try
        {
            value = alternative.Read(ref copy);
        }
        catch (Exception e) when (IsMismatch(e))
        {
            value = default!;
            return false;
        }
        reader = copy;
        return true;
    }

    /// <summary>What a reader throws when the JSON is not its alternative: the union goes on to the next one.</summary>
    private static bool IsMismatch(Exception e) => e is JsonException or InvalidOperationException or FormatException;
}
