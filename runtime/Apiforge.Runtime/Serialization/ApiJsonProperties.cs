using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Apiforge.Runtime;

/// <summary>
/// The JSON property names of one generated object type, built once per type: what its reader looks names up in,
/// the encoded names its writer writes, and which properties the JSON must have. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiJsonProperties
{
    private readonly string _typeName;
    private readonly string[] _names;
    private readonly byte[][] _utf8Names;
    private readonly JsonEncodedText[] _encodedNames;
    private readonly int[] _required;

    /// <summary>Creates the table.</summary>
    /// <param name="typeName">The type's name, for error messages.</param>
    /// <param name="names">The JSON names, in the order the generated code numbers the properties.</param>
    /// <param name="required">The numbers of the properties the JSON must have, in the order they are checked.</param>
    public ApiJsonProperties(string typeName, string[] names, params int[] required)
    {
        _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _required = required ?? throw new ArgumentNullException(nameof(required));
        _utf8Names = new byte[names.Length][];
        _encodedNames = new JsonEncodedText[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _utf8Names[i] = Encoding.UTF8.GetBytes(names[i]);
            _encodedNames[i] = JsonEncodedText.Encode(names[i]);
        }
        foreach (var index in required)
        {
            if ((uint)index >= (uint)names.Length) throw new ArgumentOutOfRangeException(nameof(required), index, "Not the number of a property.");
        }
    }

    /// <summary>The number of properties.</summary>
    public int Count => _names.Length;

    /// <summary>The encoded JSON name of property <paramref name="index"/>, to write.</summary>
    public JsonEncodedText this[int index] => _encodedNames[index];

    /// <summary>Checks that the reader is at the start of an object, and starts the record of the properties read.</summary>
    public ApiJsonPropertySet Start(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) ApiJson.ThrowUnexpectedToken(ref reader, _typeName);
        return default;
    }

    /// <summary>
    /// Moves to the value of the next property this type knows, skipping the others; false at the end of the object.
    /// </summary>
    /// <param name="reader">The reader, inside the object.</param>
    /// <param name="seen">The properties read so far.</param>
    /// <param name="index">The number of the property whose value the reader is at.</param>
    public bool Next(ref Utf8JsonReader reader, ref ApiJsonPropertySet seen, out int index)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            index = Find(ref reader, seen.Expected);
            reader.Read();
            if (index >= 0)
            {
                seen.Add(index);
                return true;
            }
            reader.Skip();
        }
        index = -1;
        return false;
    }

    /// <summary>
    /// Moves to the value of the next property this type knows; the others are kept in
    /// <paramref name="extensionData"/> (created when the first one comes). False at the end of the object.
    /// </summary>
    public bool Next(ref Utf8JsonReader reader, ref ApiJsonPropertySet seen, ref Dictionary<string, JsonElement>? extensionData, out int index)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            index = Find(ref reader, seen.Expected);
            if (index >= 0)
            {
                reader.Read();
                seen.Add(index);
                return true;
            }
            var name = reader.GetString()!;
            reader.Read();
            (extensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
        }
        index = -1;
        return false;
    }

    /// <summary>Throws for the first required property the object lacked, at the reader's end of that object.</summary>
    public void ThrowIfMissing(ref Utf8JsonReader reader, in ApiJsonPropertySet seen)
    {
        foreach (var index in _required)
        {
            if (!seen.Contains(index)) ApiJson.ThrowMissingProperty(ref reader, _typeName, _names[index]);
        }
    }

    /// <summary>
    /// How many properties of the object at the reader's <c>StartObject</c> this type does not know, read from a copy
    /// of the reader (the caller's position does not move).
    /// </summary>
    public int CountUnknown(Utf8JsonReader reader)
    {
        var unknown = 0;
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Find(ref reader, expected);
            if (index < 0) unknown++;
            else expected = index + 1;
            reader.Read();
            reader.Skip();
        }
        return unknown;
    }

    /// <summary>The number of the property named at the reader's <c>PropertyName</c> (escaped or not); -1 for none.</summary>
    /// <param name="reader">The reader at a property name.</param>
    /// <param name="expected">The number tried first: JSON usually lists properties in the order the document does.</param>
    private int Find(ref Utf8JsonReader reader, int expected)
    {
        var names = _utf8Names;
        if ((uint)expected < (uint)names.Length && reader.ValueTextEquals(names[expected])) return expected;
        for (var i = 0; i < names.Length; i++)
        {
            if (i != expected && reader.ValueTextEquals(names[i])) return i;
        }
        return -1;
    }
}

/// <summary>The properties of one JSON object read so far, any number of them. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ApiJsonPropertySet
{
    private ulong _first;
    private ulong[]? _rest;

    /// <summary>The property after the last one read: where the next lookup starts.</summary>
    internal int Expected { get; private set; }

    internal void Add(int index)
    {
        Expected = index + 1;
        if (index < 64)
        {
            _first |= 1UL << index;
            return;
        }
        var word = (index >> 6) - 1;
        if (_rest is null || _rest.Length <= word) Array.Resize(ref _rest, word + 1);
        _rest[word] |= 1UL << (index & 63);
    }

    /// <summary>Whether property <paramref name="index"/> was read.</summary>
    public readonly bool Contains(int index)
    {
        if (index < 64) return (_first & (1UL << index)) != 0;
        var word = (index >> 6) - 1;
        return _rest is not null && word < _rest.Length && (_rest[word] & (1UL << (index & 63))) != 0;
    }
}
