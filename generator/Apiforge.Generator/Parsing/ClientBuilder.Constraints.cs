using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>Constraints: the validation keywords of a schema that the generated client checks before sending.</summary>
internal sealed partial class ClientBuilder
{
    private const int MaxConstraintDepth = 8;

    private readonly Dictionary<string, bool> _checkedPatterns = new(StringComparer.Ordinal);

    private bool ValidationEnabled => !string.Equals(_options.Validation, "false", StringComparison.OrdinalIgnoreCase);

    private bool ReadValidationOption()
    {
        if (_options.Validation is not { } value ||
            string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        _diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, "Validation", value, _context.FileName, "use 'true' or 'false'");
        return false;
    }

    /// <summary>The checks that apply to a value of <paramref name="type"/> described by <paramref name="schema"/>; null for none.</summary>
    private ConstraintSpec? ConstraintsOf(IOpenApiSchema? schema, TypeRef type, string pointer, int depth = 0)
    {
        if (schema is null || !ValidationEnabled || depth > MaxConstraintDepth) return null;
        schema = Structural(schema);
        // allOf: [ { $ref } ] (with nothing beside it) is the referenced schema.
        if (schema.AllOf is { Count: 1 } single && schema.Properties is not { Count: > 0 } && !HasOwnConstraints(schema))
        {
            return ConstraintsOf(single[0], type, pointer + "/allOf/0", depth + 1);
        }

        int? minLength = null, maxLength = null, minItems = null, maxItems = null, minProperties = null, maxProperties = null;
        string? pattern = null, minimum = null, maximum = null, multipleOf = null;
        bool exclusiveMinimum = false, exclusiveMaximum = false, uniqueItems = false;
        ConstraintSpec? items = null;
        switch (type.Kind)
        {
            case TypeRefKind.Primitive when type.Name == PrimitiveNames.String:
                minLength = Positive(schema.MinLength);
                maxLength = NonNegative(schema.MaxLength);
                pattern = CheckedPattern(schema.Pattern, pointer);
                break;
            case TypeRefKind.Primitive when IsNumber(type.Name):
                (minimum, exclusiveMinimum) = Bound(schema.Minimum, schema.ExclusiveMinimum);
                (maximum, exclusiveMaximum) = Bound(schema.Maximum, schema.ExclusiveMaximum);
                multipleOf = schema.MultipleOf is { } m && m > 0 ? m.ToString(CultureInfo.InvariantCulture) : null;
                break;
            case TypeRefKind.List:
                minItems = Positive(schema.MinItems);
                maxItems = NonNegative(schema.MaxItems);
                uniqueItems = schema.UniqueItems == true;
                items = ConstraintsOf(schema.Items, type.Element!, pointer + "/items", depth + 1);
                break;
            case TypeRefKind.Map:
                minProperties = Positive(schema.MinProperties);
                maxProperties = NonNegative(schema.MaxProperties);
                if (schema.AdditionalProperties is { } values)
                {
                    items = ConstraintsOf(values, type.Element!, pointer + "/additionalProperties", depth + 1);
                }
                break;
            default:
                return null;
        }
        var result = new ConstraintSpec(minLength, maxLength, pattern, minimum, exclusiveMinimum, maximum, exclusiveMaximum, multipleOf,
            minItems, maxItems, uniqueItems, minProperties, maxProperties, items);
        return result.HasStringChecks || result.HasNumberChecks || result.HasCountChecks || items is not null ? result : null;
    }

    private static bool HasOwnConstraints(IOpenApiSchema schema)
        => schema.MinLength is not null || schema.MaxLength is not null || schema.Pattern is not null ||
           schema.Minimum is not null || schema.Maximum is not null || schema.ExclusiveMinimum is not null ||
           schema.ExclusiveMaximum is not null || schema.MultipleOf is not null || schema.MinItems is not null ||
           schema.MaxItems is not null || schema.UniqueItems == true;

    private static bool IsNumber(string name)
        => name is PrimitiveNames.Int32 or PrimitiveNames.Int64 or PrimitiveNames.Single or PrimitiveNames.Double or PrimitiveNames.Decimal;

    // minLength: 0 and minItems: 0 check nothing.
    private static int? Positive(int? value) => value is > 0 ? value : null;

    private static int? NonNegative(int? value) => value is >= 0 ? value : null;

    /// <summary>
    /// The bound and whether it is exclusive. The reader turns 3.0's and Swagger 2.0's <c>exclusiveMinimum: true</c>
    /// beside <c>minimum</c> into 3.1's numeric <c>exclusiveMinimum</c>, which wins over <c>minimum</c>.
    /// </summary>
    private static (string? Value, bool Exclusive) Bound(string? inclusive, string? exclusive)
    {
        if (Number(exclusive) is { } strict) return (strict, true);
        return Number(inclusive) is { } value ? (value, false) : (null, false);
    }

    /// <summary>The number as an invariant C# literal, or null when the text is not a finite number.</summary>
    private static string? Number(string? text)
    {
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            return null;
        }
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The pattern when .NET can compile it (as ECMAScript, else with the default options); otherwise AF0020 and no check.</summary>
    private string? CheckedPattern(string? pattern, string pointer)
    {
        if (string.IsNullOrEmpty(pattern)) return null;
        if (_checkedPatterns.TryGetValue(pattern!, out var usable))
        {
            return usable ? pattern : null;
        }
        string? error = null;
        try
        {
            _ = new Regex(pattern, RegexOptions.ECMAScript);
        }
        catch (ArgumentException)
        {
            try
            {
                _ = new Regex(pattern);
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
            }
        }
        _checkedPatterns[pattern!] = error is null;
        if (error is not null)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedPattern, _locator.Locate(pointer + "/pattern"), pattern!, error);
            return null;
        }
        return pattern;
    }
}
