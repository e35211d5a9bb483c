using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Parsing;

// How the consumer's framework shapes the types (ConsumerFeatures): dates without DateOnly/TimeOnly.
internal sealed partial class ClientBuilder
{
    /// <summary>DateOnly/TimeOnly, or DateTime/TimeSpan where the framework has neither (reported once per kind, at the first schema).</summary>
    private string AdaptToFramework(string primitive, string pointer)
    {
        if (_options.Features.HasDateOnly) return primitive;
        switch (primitive)
        {
            case PrimitiveNames.DateOnly:
                _diagnostics.ReportOnce("date", DiagnosticDescriptors.DateTypeFallback, _locator, pointer, "System.DateOnly", "date", "System.DateTime");
                return PrimitiveNames.DateAsDateTime;
            case PrimitiveNames.TimeOnly:
                _diagnostics.ReportOnce("time", DiagnosticDescriptors.DateTypeFallback, _locator, pointer, "System.TimeOnly", "time", "System.TimeSpan");
                return PrimitiveNames.TimeAsTimeSpan;
            default:
                return primitive;
        }
    }
}
