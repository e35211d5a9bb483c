using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Events;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// YAML text to a <see cref="JsonNode"/> in one pass of SharpYaml's event parser, with the same scalar rules as
/// Microsoft.OpenApi's <see cref="YamlConverter"/> (plain ~/null/Null/NULL is its null sentinel, then a decimal, then a
/// boolean; every other scalar a string). It skips the YamlStream representation graph, and hands back the events so
/// that <see cref="Diagnostics.SpecLocator"/> locates diagnostics without parsing the text again.
/// Aliases are copied under a node budget and nesting is bounded, so a hostile document cannot blow up.
/// </summary>
internal sealed class YamlJsonLoader
{
    private readonly ParsingEvent[] _events;
    private readonly Dictionary<string, (JsonNode? Node, long Count)> _anchors = new(StringComparer.Ordinal);
    private readonly long _maxNodes = YamlConverter.MaxNodeCount;
    private readonly long _maxDepth = YamlConverter.MaxDepth;
    private long _nodes;
    private int _index;

    private YamlJsonLoader(ParsingEvent[] events) => _events = events;

    /// <summary>The parse events of <paramref name="text"/>; throws <see cref="YamlException"/> on a syntax error.</summary>
    public static ParsingEvent[] ReadEvents(string text)
    {
        var events = new List<ParsingEvent>();
        var parser = Parser.CreateParser(new StringReader(text));
        while (parser.MoveNext())
        {
            if (parser.Current is { } current) events.Add(current);
        }
        return events.ToArray();
    }

    /// <summary>The first document's root, or null when the text holds no document.</summary>
    public static JsonNode? FirstDocument(ParsingEvent[] events)
    {
        var loader = new YamlJsonLoader(events);
        while (loader._index < events.Length && events[loader._index] is not DocumentStart) loader._index++;
        loader._index++;
        if (loader._index >= events.Length || events[loader._index] is DocumentEnd or StreamEnd) return null;
        return loader.Node(0);
    }

    private JsonNode? Node(int depth)
    {
        if (depth > _maxDepth) throw new InvalidOperationException($"The YAML nests deeper than {_maxDepth.ToString(CultureInfo.InvariantCulture)} levels.");
        var start = _nodes;
        var current = _events[_index++];
        Count(1);
        switch (current)
        {
            case Scalar scalar:
            {
                var value = Value(scalar);
                Remember(scalar.Anchor, value, 1);
                return value;
            }
            case AnchorAlias alias:
            {
                if (!_anchors.TryGetValue(alias.Value, out var anchored))
                {
                    throw new YamlException(alias.Start, alias.End, $"The alias '{alias.Value}' names no anchor before it.");
                }
                Count(anchored.Count);
                return anchored.Node?.DeepClone();
            }
            case MappingStart mapping:
            {
                var obj = new JsonObject();
                while (_events[_index] is not MappingEnd)
                {
                    var key = Key();
                    obj.Add(key, Node(depth + 1));
                }
                _index++;
                Remember(mapping.Anchor, obj, _nodes - start);
                return obj;
            }
            case SequenceStart sequence:
            {
                var array = new JsonArray();
                while (_events[_index] is not SequenceEnd)
                {
                    array.Add(Node(depth + 1));
                }
                _index++;
                Remember(sequence.Anchor, array, _nodes - start);
                return array;
            }
            default:
                throw new YamlException(current.Start, current.End, $"Unexpected YAML event {current.GetType().Name}.");
        }
    }

    private string Key()
    {
        var current = _events[_index++];
        if (current is Scalar scalar)
        {
            Remember(scalar.Anchor, Value(scalar), 1);
            return scalar.Value;
        }
        if (current is AnchorAlias alias && _anchors.TryGetValue(alias.Value, out var anchored) && anchored.Node is JsonValue value &&
            value.TryGetValue<string>(out var text))
        {
            return text;
        }
        throw new YamlException(current.Start, current.End, "Only scalar mapping keys are supported.");
    }

    private void Remember(string? anchor, JsonNode? node, long count)
    {
        if (!string.IsNullOrEmpty(anchor)) _anchors[anchor!] = (node, count);
    }

    private void Count(long nodes)
    {
        _nodes += nodes;
        if (_nodes > _maxNodes)
        {
            throw new InvalidOperationException($"The YAML expands to more than {_maxNodes.ToString(CultureInfo.InvariantCulture)} nodes.");
        }
    }

    private static JsonNode? Value(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "~" or "null" or "Null" or "NULL") return JsonNullSentinel.JsonNull.DeepClone();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        if (bool.TryParse(text, out var boolean)) return JsonValue.Create(boolean);
        return JsonValue.Create(text);
    }
}
