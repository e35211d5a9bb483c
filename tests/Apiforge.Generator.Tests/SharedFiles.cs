namespace Apiforge.Generator.Tests;

/// <summary>Where the documents that are not in the repository (the corpus, the Tradovate archive) are, if anywhere.</summary>
internal static class SharedFiles
{
    public const string EnvironmentVariable = "APIFORGE_SHARED";

    public static readonly string HowToGet =
        $"needs the shared documents (corpus/, specs-found/), which are not in the repository: put the shared/ folder beside the " +
        $"repository or set {EnvironmentVariable} to its path. .ci/run requires them.";

    private static readonly Lazy<string?> s_directory = new(Find);

    public static string? Directory => s_directory.Value;

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // Named explicitly: a wrong path is not "absent", it is a mistake to report.
            return IsShared(configured) ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable}={configured} has no corpus/ folder.");
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (IsShared(candidate)) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared");
            if (IsShared(candidate)) return Path.GetFullPath(candidate);
            dir = dir.Parent;
        }
        return null;
    }

    private static bool IsShared(string path) => System.IO.Directory.Exists(Path.Combine(path, "corpus"));
}

/// <summary>A fact that reads the shared documents: skipped, with how to get them, when they are absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedFiles.Directory is null) Skip = SharedFiles.HowToGet;
    }
}

/// <summary>A theory that reads the shared documents: skipped, with how to get them, when they are absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedFiles.Directory is null) Skip = SharedFiles.HowToGet;
    }
}
