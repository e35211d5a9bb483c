using System;
using System.Collections.Generic;
using System.IO;

namespace Apiforge.Internalizer;

/// <summary>
/// <c>Apiforge.Internalizer --output DIR --prefix PREFIX --rename A.dll;B.dll --rewrite C.dll</c>: writes A and B to DIR as
/// PREFIX+A / PREFIX+B (assembly name, file name, no strong name) and C with its references to them rewritten.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            var options = ParseArguments(args);
            var renamer = new AssemblyRenamer(options.Prefix, options.Renamed);
            foreach (var written in renamer.WriteAll(options.Renamed, options.Rewritten, options.Output))
            {
                Console.WriteLine($"Apiforge.Internalizer: {written}");
            }
            return 0;
        }
        catch (InternalizerException e)
        {
            // MSBuild's canonical error format: the build fails with this message.
            Console.Error.WriteLine($"Apiforge.Internalizer : error : {e.Message}");
            return 1;
        }
    }

    private static InternalizerOptions ParseArguments(string[] args)
    {
        string? output = null, prefix = null;
        var renamed = new List<string>();
        var rewritten = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new InternalizerException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--output": output = value; break;
                case "--prefix": prefix = value; break;
                case "--rename": renamed.AddRange(SplitList(value)); break;
                case "--rewrite": rewritten.AddRange(SplitList(value)); break;
                default: throw new InternalizerException($"unknown argument {args[i]}");
            }
            i++;
        }
        if (output is null || string.IsNullOrEmpty(prefix) || renamed.Count == 0)
        {
            throw new InternalizerException("usage: --output DIR --prefix PREFIX --rename A.dll;B.dll [--rewrite C.dll]");
        }
        return new InternalizerOptions(output, prefix, renamed, rewritten);
    }

    private static string[] SplitList(string value) => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed record InternalizerOptions(string Output, string Prefix, IReadOnlyList<string> Renamed, IReadOnlyList<string> Rewritten);

internal sealed class InternalizerException(string message) : Exception(message);
