using System;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Parsing;

/// <summary>MissingRequired: whether reading fails on JSON that lacks a required property (the default) or reads it as default/null.</summary>
internal sealed partial class ClientBuilder
{
    private bool MissingRequiredAsDefault => string.Equals(_options.MissingRequired, "Default", StringComparison.OrdinalIgnoreCase);

    private bool ReadMissingRequiredOption()
    {
        if (_options.MissingRequired is not { } value ||
            string.Equals(value, "Strict", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(value, "Default", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        _diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, "MissingRequired", value, _context.FileName, "use 'Strict' or 'Default'");
        return false;
    }
}
