using Apiforge.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Apiforge.Generator.Diagnostics;

/// <summary>A place in a spec file: enough to rebuild a <see cref="Location"/> without holding one.</summary>
internal sealed record SpecLocation(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic as equatable data; it becomes a <see cref="Diagnostic"/> only at output.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> MessageArgs, SpecLocation? Location)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SpecLocation? location, params string[] args)
        => new(descriptor.Id, new EquatableArray<string>(args), location);

    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticDescriptors.ById(Id);
        var args = new object[MessageArgs.Count];
        for (var i = 0; i < args.Length; i++) args[i] = MessageArgs[i];
        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
