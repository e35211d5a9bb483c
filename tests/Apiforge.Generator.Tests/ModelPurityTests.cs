using System.Collections;
using System.Reflection;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Apiforge.Generator.Options;
using Apiforge.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Tests;

/// <summary>
/// The pipeline keeps nothing past parsing that pins a compilation or an OpenAPI object graph in memory, or that
/// compares by reference (which would defeat caching): no Compilation, ISymbol, SyntaxNode, SyntaxTree or
/// Microsoft.OpenApi object, neither in the model's declared types nor in the values of a real model.
/// </summary>
public class ModelPurityTests
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Type[] s_roots = { typeof(SpecInput), typeof(ParseResult), typeof(ClientSpec), typeof(TypeOutputSpec) };

    private static string? Forbidden(Type type)
    {
        if (typeof(Compilation).IsAssignableFrom(type)) return "a Compilation";
        if (typeof(ISymbol).IsAssignableFrom(type)) return "an ISymbol";
        if (typeof(SyntaxNode).IsAssignableFrom(type)) return "a SyntaxNode";
        if (typeof(SyntaxTree).IsAssignableFrom(type)) return "a SyntaxTree";
        if (typeof(Location).IsAssignableFrom(type) || typeof(Diagnostic).IsAssignableFrom(type)) return "a Roslyn Location or Diagnostic";
        if (type.Namespace?.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) == true) return "a Microsoft.OpenApi object";
        if (type.Namespace?.StartsWith("System.Text.Json.Nodes", StringComparison.Ordinal) == true) return "a JsonNode";
        if (type.Namespace?.StartsWith("SharpYaml", StringComparison.Ordinal) == true) return "a SharpYaml object";
        return null;
    }

    /// <summary>What a model member may be declared as: data that compares by value.</summary>
    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

    [Fact]
    public void Declared_model_types_hold_only_equatable_data()
    {
        var seen = new HashSet<Type>();
        var problems = new List<string>();
        foreach (var root in s_roots) WalkType(root, root.Name, seen, problems);

        Assert.Empty(problems);
        // The walk reached the whole model, not just the roots.
        Assert.Contains(typeof(TypeRef), seen);
        Assert.Contains(typeof(PropertySpec), seen);
        Assert.Contains(typeof(ParameterSpec), seen);
        Assert.Contains(typeof(DiagnosticInfo), seen);
        Assert.Contains(typeof(SpecOptions), seen);
    }

    private static void WalkType(Type type, string path, HashSet<Type> seen, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Forbidden(type) is { } what)
        {
            problems.Add($"{path} is {what} ({type.FullName})");
            return;
        }
        if (IsLeaf(type) || !seen.Add(type)) return;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            WalkType(type.GetGenericArguments()[0], path + "[]", seen, problems);
            return;
        }
        var isModel = type.IsSealed && typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type);
        if (!isModel)
        {
            problems.Add($"{path} is {type.FullName}: neither plain data nor an equatable model type");
            return;
        }
        // Fields, not properties: a record's state is its fields (the compiler's backing fields included).
        foreach (var field in type.GetFields(Instance))
        {
            WalkType(field.FieldType, $"{path}.{MemberName(field)}", seen, problems);
        }
    }

    private sealed record Leaky(string Name, ISymbol? Symbol, EquatableArray<LeakyItem> Items);

    private sealed record LeakyItem(SyntaxNode? Node, object? Anything, Compilation? Compilation);

    [Fact]
    public void The_type_walk_catches_a_leak()
    {
        var problems = new List<string>();
        WalkType(typeof(Leaky), nameof(Leaky), new HashSet<Type>(), problems);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Leaky.Symbol is an ISymbol", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Leaky.Items[].Compilation is a Compilation", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Leaky.Items[].Node is a SyntaxNode", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Leaky.Items[].Anything is System.Object", StringComparison.Ordinal));

        // The generator's Microsoft.OpenApi is private to it; its types are recognised by namespace.
        var schemaType = typeof(DocumentParser).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name == "Microsoft.OpenApi")
            .Select(a => System.Reflection.Assembly.Load(a).GetType("Microsoft.OpenApi.OpenApiSchema", throwOnError: true)!)
            .Single();
        Assert.Equal("a Microsoft.OpenApi object", Forbidden(schemaType));
    }

    private static string MemberName(FieldInfo field)
        => field.Name.StartsWith('<') ? field.Name[1..field.Name.IndexOf('>', StringComparison.Ordinal)] : field.Name;

    [Fact]
    public void A_model_built_from_the_partner_spec_holds_no_compilation_or_openapi_object()
    {
        var spec = GeneratorHarness.Spec("tradovate-partner.json", "Tradovate");
        var result = DocumentParser.Parse(new SpecInput(spec.Path, spec.Text, new SpecOptions("Tradovate", null, null, "Consumer")), CancellationToken.None);
        Assert.NotNull(result.Client);

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var problems = new List<string>();
        var counts = new Dictionary<Type, int>();
        WalkValue(result, "result", visited, problems, counts);

        Assert.Empty(problems);
        Assert.True(counts.GetValueOrDefault(typeof(TypeSpec)) > 100, "the walk reached the types");
        Assert.True(counts.GetValueOrDefault(typeof(OperationSpec)) > 300, "the walk reached the operations");
    }

    private static void WalkValue(object? value, string path, HashSet<object> visited, List<string> problems, Dictionary<Type, int> counts)
    {
        if (value is null) return;
        var type = value.GetType();
        if (Forbidden(type) is { } what)
        {
            problems.Add($"{path} is {what} ({type.FullName})");
            return;
        }
        if (IsLeaf(type)) return;
        if (!type.IsValueType && !visited.Add(value)) return;
        counts[type] = counts.GetValueOrDefault(type) + 1;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            var i = 0;
            foreach (var item in (IEnumerable)value) WalkValue(item, $"{path}[{i++}]", visited, problems, counts);
            return;
        }
        if (type.IsArray)
        {
            var i = 0;
            foreach (var item in (IEnumerable)value) WalkValue(item, $"{path}[{i++}]", visited, problems, counts);
            return;
        }
        if (type.Assembly != typeof(ClientSpec).Assembly)
        {
            problems.Add($"{path} is a {type.FullName}, which is not model data");
            return;
        }
        foreach (var field in type.GetFields(Instance))
        {
            WalkValue(field.GetValue(value), $"{path}.{MemberName(field)}", visited, problems, counts);
        }
    }
}
