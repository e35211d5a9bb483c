using System.Reflection;
using Apiforge.Runtime;

namespace Apiforge.Generator.Tests;

/// <summary>
/// Every <c>global::Apiforge.Runtime.X</c> and <c>X.Member</c> the emitters write names a public type and member of the
/// runtime: the generator and the runtime ship as two packages, and generated code is their contract.
/// </summary>
public class RuntimeNamesTests
{
    private const string Prefix = "global::Apiforge.Runtime.";

    /// <summary>The alias the client, context, validator and DI files declare for the runtime namespace (Emitting/RuntimeNames.cs).</summary>
    private const string AliasPrefix = "__Rt::";

    [Fact]
    public void Every_runtime_name_in_generated_code_resolves()
    {
        var specs = new[]
        {
            GeneratorHarness.Spec("tradovate-partner.json", "Partner"),
            GeneratorHarness.Spec("tradovate-seed.yaml", "Seed"),
            Local("tests/Apiforge.Runtime.Tests/secure.yaml", "Secure"),
            Local("tests/Apiforge.Runtime.Tests/wire.yaml", "Wire"),
        };
        AssertNamesResolve(specs, minimumNames: 40);
    }

    [SharedFact]
    public void Every_runtime_name_in_generated_code_for_corpus_documents_resolves()
    {
        var specs = new[]
        {
            Shared("corpus/oag-csharp-fake-endpoints.yaml", "Fake"),
            Shared("corpus/autorest-body-complex.json", "Complex"),
            Shared("corpus/autorest-url.json", "Url"),
            Shared("corpus/autorest-header.json", "Header"),
            Shared("corpus/oai-v2-petstore.json", "Petstore"),
        };
        AssertNamesResolve(specs, minimumNames: 40);
    }

    private static void AssertNamesResolve(SpecFile[] specs, int minimumNames)
    {
        var result = GeneratorHarness.Run(specs,
            "namespace Microsoft.Extensions.DependencyInjection { public static class HttpClientFactoryServiceCollectionExtensions { } }");
        var names = result.Sources.SelectMany(s => RuntimeNames(s.SourceText.ToString(), Prefix).Concat(RuntimeNames(s.SourceText.ToString(), AliasPrefix))).ToHashSet();
        Assert.True(names.Count >= minimumNames, $"only {names.Count} runtime names in the generated code");

        var runtime = typeof(ApiException).Assembly;
        var unresolved = names.Where(name => !Resolves(runtime, name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unresolved.Count == 0, "not in Apiforge.Runtime: " + string.Join(", ", unresolved));
    }

    private static SpecFile Local(string relativePath, string ns)
    {
        var path = Path.Combine(GeneratorHarness.RepositoryRoot, relativePath);
        return new SpecFile(path, File.ReadAllText(path), ns, ns + "Client");
    }

    private static SpecFile Shared(string relativePath, string ns)
    {
        var path = Path.Combine(GeneratorHarness.SharedDirectory, relativePath);
        return new SpecFile(path, File.ReadAllText(path), ns, ns + "Client");
    }

    /// <summary>"Type", "Type`1" or "Type.Member" for each use after <paramref name="prefix"/>.</summary>
    private static IEnumerable<string> RuntimeNames(string source, string prefix)
    {
        for (var at = source.IndexOf(prefix, StringComparison.Ordinal); at >= 0; at = source.IndexOf(prefix, at + 1, StringComparison.Ordinal))
        {
            var i = at + prefix.Length;
            var type = Identifier(source, ref i);
            var arity = 0;
            if (i < source.Length && source[i] == '<')
            {
                arity = 1;
                var depth = 0;
                do
                {
                    if (source[i] == '<') depth++;
                    else if (source[i] == '>') depth--;
                    else if (source[i] == ',' && depth == 1) arity++;
                    i++;
                }
                while (depth > 0);
            }
            var typeName = arity == 0 ? type : type + "`" + arity;
            if (i < source.Length && source[i] == '.')
            {
                i++;
                yield return typeName + "." + Identifier(source, ref i);
            }
            else
            {
                yield return typeName;
            }
        }
    }

    private static string Identifier(string source, ref int i)
    {
        var start = i;
        while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_')) i++;
        return source.Substring(start, i - start);
    }

    private static bool Resolves(Assembly runtime, string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var type = runtime.GetType("Apiforge.Runtime." + (dot < 0 ? name : name.Substring(0, dot)));
        if (type is null || !type.IsPublic) return false;
        if (dot < 0) return true;
        var member = name.Substring(dot + 1);
        return type.GetMember(member, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Length > 0;
    }
}
