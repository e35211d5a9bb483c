using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Diagnostics;

// What the consumer's compilation lacks (issue 14): its C# version and its framework's types.
// Properties over a nested class: the catalogue's index is built in the other file, whose field initializers may run first.
internal static partial class DiagnosticDescriptors
{
    public static DiagnosticDescriptor LanguageVersionTooLow => ConsumerDescriptors.LanguageVersionTooLow;

    public static DiagnosticDescriptor DateTypeFallback => ConsumerDescriptors.DateTypeFallback;

    private static class ConsumerDescriptors
    {
        public static readonly DiagnosticDescriptor LanguageVersionTooLow = new(
            "AF0101",
            "The project's C# version is too low for Apiforge",
            "The project compiles C# {0}; the client generated from '{1}' needs C# {2} or later: set <LangVersion>{2}</LangVersion> (or latest) in the project file",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The generated code uses required members and UTF-8 string literals (C# 11). Any target framework works with C# 11, .NET Framework 4.6.2+ and netstandard2.0 included; their default C# version is 7.3. Nothing is generated from the document until the version is raised.");

        public static readonly DiagnosticDescriptor DateTypeFallback = new(
            "AF0102",
            "Date or time without DateOnly/TimeOnly",
            "The target framework has no {0}: 'format: {1}' is generated as {2}",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "DateOnly and TimeOnly exist from .NET 6. On older frameworks a date is a DateTime at midnight and a time a TimeSpan since midnight; the JSON is the same.");
    }
    }
