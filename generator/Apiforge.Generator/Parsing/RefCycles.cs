using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using Apiforge.Generator.Diagnostics;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// Breaks chains of local <c>$ref</c>s that lead back to themselves (A → B → A) before the OpenAPI reader sees them:
/// the reader throws on such a cycle. Each broken $ref is reported (AF0012) and becomes an empty object, which
/// generates as JsonElement. Recursive schemas that define a type (Node.next → Node) are not cycles of this kind.
/// </summary>
internal static class RefCycles
{
    private const int MaxChain = 256;

    public static void Break(JsonObject root, ParseContext context)
    {
        var locator = context.Locator;
        var diagnostics = context.Diagnostics;
        var cancellationToken = context.CancellationToken;
        // Every object with a local $ref, and its pointer.
        var refs = new List<(JsonObject Node, JsonPointerPath Pointer)>();
        var pointers = new Dictionary<JsonObject, JsonPointerPath>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(JsonNode Node, JsonPointerPath Pointer)>();
        stack.Push((root, JsonPointerPath.Root));
        var visits = 0;
        while (stack.Count > 0)
        {
            if (++visits % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
            var (node, pointer) = stack.Pop();
            if (node is JsonObject obj)
            {
                if (RefOf(obj) is not null)
                {
                    refs.Add((obj, pointer));
                    pointers[obj] = pointer;
                }
                foreach (var member in obj)
                {
                    if (member.Value is JsonObject or JsonArray) stack.Push((member.Value, pointer.Key(member.Key)));
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray) stack.Push((array[i]!, pointer.Item(i)));
                }
            }
        }
        if (refs.Count == 0) return;

        var safe = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
        foreach (var (start, pointer) in refs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (safe.Contains(start)) continue;
            var chain = new List<JsonObject>();
            var seen = new HashSet<JsonObject>(ReferenceEqualityComparer.Instance);
            JsonObject? current = start;
            var cycle = false;
            while (current is not null && RefOf(current) is { } target)
            {
                if (safe.Contains(current)) break;
                if (!seen.Add(current) || chain.Count >= MaxChain)
                {
                    cycle = true;
                    break;
                }
                chain.Add(current);
                current = SpecLocator.Navigate(root, target) as JsonObject;
            }
            if (cycle)
            {
                // Break it at the first $ref of the chain that is part of the loop.
                var loopStart = current is not null && chain.IndexOf(current) is var index and >= 0 ? chain[index] : start;
                var at = (pointers.TryGetValue(loopStart, out var p) ? p : pointer).ToString();
                diagnostics.Report(DiagnosticDescriptors.ReferenceCycle, locator.Locate(at + "/$ref"), at);
                loopStart.Remove("$ref");
            }
            foreach (var node in chain) safe.Add(node);
        }
    }

    private static string? RefOf(JsonObject obj)
        => obj.TryGetPropertyValue("$ref", out var value) && value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith("#", StringComparison.Ordinal)
            ? s
            : null;


    private sealed class ReferenceEqualityComparer : IEqualityComparer<JsonObject>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(JsonObject? x, JsonObject? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonObject obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
