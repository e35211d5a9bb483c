using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Parsing;

// How the consumer's framework shapes the types (ConsumerFeatures): dates without DateOnly/TimeOnly.
internal sealed partial class ClientBuilder
{
    private bool _reportedDateFallback;
    private bool _reportedTimeFallback;

    /// <summary>DateOnly/TimeOnly, or DateTime/TimeSpan where the framework has neither (reported once per kind, at the first schema).</summary>
    private string AdaptToFramework(string primitive, string pointer)
    {
        if (_input.Options.Features.HasDateOnly) return primitive;
        switch (primitive)
        {
            case PrimitiveNames.DateOnly:
                if (!_reportedDateFallback)
                {
                    _reportedDateFallback = true;
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DateTypeFallback, _locator.Locate(pointer), "System.DateOnly", "date", "System.DateTime"));
                }
                return PrimitiveNames.DateAsDateTime;
            case PrimitiveNames.TimeOnly:
                if (!_reportedTimeFallback)
                {
                    _reportedTimeFallback = true;
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DateTypeFallback, _locator.Locate(pointer), "System.TimeOnly", "time", "System.TimeSpan"));
                }
                return PrimitiveNames.TimeAsTimeSpan;
            default:
                return primitive;
        }
    }
}
