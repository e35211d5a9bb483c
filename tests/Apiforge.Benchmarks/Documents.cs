namespace Apiforge.Benchmarks;

/// <summary>A document the benchmark reads: its file name (the key), where it was found, and its text.</summary>
internal sealed record BenchDocument(string Name, string Path, string Text)
{
    public bool IsYaml => Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Name;
}

internal static class Documents
{
    public const string Partner = "tradovate-partner.json";
    public const string Stripe = "stripe-2019-12.yaml";

    /// <summary>
    /// The mid-size corpus document of the compile table: Adyen Checkout v71 (OpenAPI 3.1 JSON, 869 KB, 250 schemas,
    /// 28 operations). NSwag's output for it compiles in both modes; for box-platform and discord-v10 it does not.
    /// </summary>
    public const string Adyen = "adyen-checkout-v71.json";

    /// <summary>The documents of the generation, incremental and breakdown lines: the partner spec (JSON) and Stripe 2019-12 (YAML, 2 MB).</summary>
    public static readonly string[] Names = { Partner, Stripe };

    /// <summary>The documents of the compile table: the two above and one corpus document.</summary>
    public static readonly string[] CompileNames = { Partner, Stripe, Adyen };

    private static readonly Dictionary<string, BenchDocument> s_cache = new(StringComparer.Ordinal);

    public static BenchDocument Get(string name)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(name, out var doc))
            {
                var path = Locate(name);
                doc = new BenchDocument(name, path, File.ReadAllText(path));
                s_cache.Add(name, doc);
            }
            return doc;
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                var dir = new DirectoryInfo(start);
                while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Generator.sln"))) dir = dir.Parent;
                if (dir is not null) return dir.FullName;
            }
            throw new DirectoryNotFoundException("Generator.sln not found above the benchmark.");
        }
    }

    private static string Locate(string name)
    {
        var inSpecs = System.IO.Path.Combine(RepositoryRoot, "specs", name);
        if (File.Exists(inSpecs)) return inSpecs;
        // shared/ sits beside the repository (a worktree or CI's fresh clone); APIFORGE_SHARED overrides.
        var env = Environment.GetEnvironmentVariable("APIFORGE_SHARED");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(env)) candidates.Add(env);
        for (var dir = new DirectoryInfo(RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            candidates.Add(System.IO.Path.Combine(dir.FullName, "shared"));
        }
        foreach (var shared in candidates)
        {
            var path = System.IO.Path.Combine(shared, "corpus", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"{name} is neither in specs/ nor in a shared/corpus/ beside the repository (set APIFORGE_SHARED).");
    }
}
