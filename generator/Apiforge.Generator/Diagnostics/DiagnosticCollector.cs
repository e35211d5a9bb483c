using System;
using System.Collections.Generic;
using Apiforge.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Apiforge.Generator.Diagnostics;

/// <summary>
/// The diagnostics of one parse, in the order they were found, and the one place that keeps them few: a finding
/// reported once (<see cref="ReportOnce"/>), a rule that may fire thousands of times reported a bounded number of
/// times per file (<see cref="ReportCapped"/>). A hostile document must not turn into a million diagnostics.
/// </summary>
internal sealed class DiagnosticCollector
{
    /// <summary>How many times a capped rule is reported per file; the first ones say where to look.</summary>
    public const int MaxReportsPerRule = 20;

    private readonly List<DiagnosticInfo> _reported = new();
    private readonly HashSet<string> _findings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countsByRule = new(StringComparer.Ordinal);

    public void Report(DiagnosticDescriptor descriptor, SpecLocation? location, params string[] args)
        => _reported.Add(DiagnosticInfo.Create(descriptor, location, args));

    /// <summary>
    /// Reports at <paramref name="pointer"/> unless this descriptor was already reported for <paramref name="finding"/>
    /// (usually that pointer). The pointer is located only when reported: locating indexes the whole text.
    /// </summary>
    public void ReportOnce(string finding, DiagnosticDescriptor descriptor, SpecLocator locator, string pointer, params string[] args)
    {
        if (_findings.Add(descriptor.Id + "\n" + finding)) Report(descriptor, locator.Locate(pointer), args);
    }

    /// <summary>Reports the first <see cref="MaxReportsPerRule"/> times <paramref name="rule"/> fires in <paramref name="file"/>.</summary>
    public void ReportCapped(string file, string rule, DiagnosticDescriptor descriptor, SpecLocation? location, params string[] args)
    {
        var key = file + "\n" + rule;
        _countsByRule.TryGetValue(key, out var count);
        _countsByRule[key] = count + 1;
        if (count < MaxReportsPerRule) Report(descriptor, location, args);
    }

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _reported.ToEquatableArray();
}
