using System.Reflection;

namespace Apiforge.Generator.Emitting;

/// <summary>The generator's identity as generated code states it.</summary>
internal static class GeneratorInfo
{
    /// <summary>The package version (<c>Version</c> in Directory.Build.props), read once from this assembly.</summary>
    public static readonly string Version = ReadVersion();

    /// <summary>The <c>[GeneratedCode]</c> attribute every generated type carries.</summary>
    public static readonly string GeneratedCodeAttribute = $"[global::System.CodeDom.Compiler.GeneratedCode(\"Apiforge\", \"{Version}\")]";

    private static string ReadVersion()
    {
        var assembly = typeof(GeneratorInfo).Assembly;
        // The SDK appends "+<commit>" to the informational version; the package version is what comes before it.
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
