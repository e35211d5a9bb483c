using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

/// <summary>
/// Client-side validation: <c>{Client}Validator</c> (in <c>{Namespace}.Serialization</c>) with one <c>Validate{Type}</c>
/// method per model that has constraints somewhere inside it (named, not overloaded: overload resolution over hundreds
/// of <c>Validate</c> overloads at every nested call cost Stripe's consumers 13% of the compile), and the checks of parameters and bodies at the top of
/// each client method. Only constrained values get code; every check is one call into <c>Apiforge.Runtime.ApiValidation</c>.
/// </summary>
internal static class ValidationEmitter
{
    private const string Runtime = RuntimeNames.ApiValidation;

    /// <summary>The validator class, fully qualified.</summary>
    public static string ValidatorName(ClientSpec client) => $"global::{client.Namespace}.Serialization.{client.ClientName}Validator";

    /// <summary>
    /// The object types whose values need checking (own constrained properties, or such a type inside or derived) that
    /// the client sends: a type only ever received gets no method (Stripe: 386 methods instead of 709).
    /// </summary>
    public static HashSet<string> ValidatedTypes(ClientSpec client)
    {
        var constrained = ConstrainedTypes(client);
        var byName = client.Types.Where(t => constrained.Contains(t.Name)).ToDictionary(t => t.Name, System.StringComparer.Ordinal);
        var result = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Stack<string>(client.SentTypes.Where(constrained.Contains));
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!result.Add(name) || !byName.TryGetValue(name, out var type)) continue;
            foreach (var derived in type.DerivedTypes.Where(constrained.Contains)) pending.Push(derived);
            foreach (var p in type.Properties.Where(p => Checked(p) && NeedsCheck(p.Type, p.Constraints, constrained)))
            {
                for (var t = p.Type; t is not null; t = t.Element)
                {
                    if (t.Kind == TypeRefKind.Object && constrained.Contains(t.Name)) pending.Push(t.Name);
                }
            }
        }
        return result;
    }

    /// <summary>Every object type whose values need checking, sent or not: the fixed point over properties and derived types.</summary>
    private static HashSet<string> ConstrainedTypes(ClientSpec client)
    {
        var result = new HashSet<string>(System.StringComparer.Ordinal);
        if (!client.Validation) return result;
        var objects = client.Types.Where(t => t.Kind == TypeSpecKind.Object).ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var type in objects)
            {
                if (result.Contains(type.Name)) continue;
                if (type.Properties.Any(p => Checked(p) && NeedsCheck(p.Type, p.Constraints, result)) ||
                    type.DerivedTypes.Any(result.Contains))
                {
                    result.Add(type.Name);
                    changed = true;
                }
            }
        }
        while (changed);
        return result;
    }

    /// <summary>Read-only properties are not sent (the server ignores them): nothing to check.</summary>
    private static bool Checked(PropertySpec property) => !property.ReadOnly;

    private static bool NeedsCheck(TypeRef type, ConstraintSpec? constraints, HashSet<string> validated)
    {
        if (constraints is not null && (constraints.HasStringChecks || constraints.HasNumberChecks || constraints.HasCountChecks)) return true;
        return type.Kind switch
        {
            TypeRefKind.Object => validated.Contains(type.Name),
            TypeRefKind.List or TypeRefKind.Map => NeedsCheck(type.Element!, constraints?.Items, validated),
            _ => false,
        };
    }

    /// <summary>The validator source, or null when no model needs one.</summary>
    public static string? Emit(ClientSpec client)
    {
        var validated = ValidatedTypes(client);
        if (validated.Count == 0) return null;
        var ns = client.Namespace;
        var w = new SourceWriter();
        w.Lines(CSharp.Header);
        w.Line($"namespace {ns}.Serialization;");
        w.Line();
        foreach (var alias in RuntimeNames.Aliases) w.Line(alias);
        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// Checks models against the constraints of the API description before <see cref=\"global::{ns}.{client.ClientName}\"/> sends them:");
        w.Line($"/// each <c>Validate</c> throws <see cref=\"{RuntimeNames.ApiValidationExceptionCref}\"/> when its model breaks a constraint.");
        w.Line("/// </summary>");
        w.Line(GeneratorInfo.GeneratedCodeAttribute);
        w.Line($"internal static class {client.ClientName}Validator");
        w.OpenBrace();
        var first = true;
        foreach (var type in client.Types.Where(t => validated.Contains(t.Name)))
        {
            if (!first) w.Line();
            first = false;
            w.Line($"public static void {MethodName(type.Name)}(global::{ns}.{type.Name}? value, string parameter, string path)");
            w.OpenBrace();
            w.Line("if (value is null) return;");
            var derivedIndex = 0;
            foreach (var derived in type.DerivedTypes.Where(validated.Contains))
            {
                var local = "__derived" + derivedIndex++.ToString(CultureInfo.InvariantCulture);
                w.Line($"if (value is global::{ns}.{derived} {local})");
                w.OpenBrace();
                w.Line($"{MethodName(derived)}({local}, parameter, path);");
                w.Line("return;");
                w.CloseBrace();
            }
            var counter = new Counter();
            foreach (var p in type.Properties.Where(p => Checked(p) && NeedsCheck(p.Type, p.Constraints, validated)))
            {
                var access = "value." + (p.Deprecated ? p.FieldName : p.Name);
                WriteChecks(w, "", validated, p.Type, p.Constraints, access, "parameter", "path", Member(p.JsonName), counter);
            }
            w.CloseBrace();
        }
        w.CloseBrace();
        return w.ToString();
    }

    /// <summary>The checks of an operation's arguments, written at the top of its method, before the request is built.</summary>
    public static void WriteArgumentChecks(SourceWriter w, ClientSpec client, OperationSpec operation, HashSet<string> validated)
    {
        if (!client.Validation) return;
        var validator = ValidatorName(client) + ".";
        var counter = new Counter();
        foreach (var p in operation.Parameters)
        {
            if (p.Json && p.Type.Kind != TypeRefKind.Object || !NeedsCheck(p.Type, p.Constraints, validated)) continue;
            WriteChecks(w, validator, validated, p.Type, p.Constraints, p.Name, CSharp.Literal(p.Name.TrimStart('@')), CSharp.Literal(p.WireName), null, counter);
        }
        if (operation.Body is { Kind: BodyKind.Json or BodyKind.Form } body && NeedsCheck(body.Type, body.Constraints, validated))
        {
            WriteChecks(w, validator, validated, body.Type, body.Constraints, body.Name, CSharp.Literal(body.Name.TrimStart('@')), "\"$\"", null, counter);
        }
    }

    private sealed class Counter
    {
        public int Next;
    }

    /// <summary>
    /// The checks of one value; <paramref name="validate"/> prefixes a model's <c>Validate{Type}</c> (empty inside the
    /// validator, the validator class and a dot outside). <paramref name="path"/> is a C# expression; <paramref name="member"/> the literal text
    /// the runtime appends to it on failure (<c>.capacity</c>), or null when the path is complete.
    /// </summary>
    private static void WriteChecks(SourceWriter w, string validate, HashSet<string> validated, TypeRef type, ConstraintSpec? c,
        string value, string parameter, string path, string? member, Counter counter)
    {
        var where = member is null ? $"{parameter}, {path}" : $"{parameter}, {path}, {CSharp.Literal(member)}";
        var fullPath = member is null ? path : $"{path} + {CSharp.Literal(member)}";
        if (c is not null)
        {
            if (c.HasStringChecks)
            {
                var pattern = c.Pattern is null ? "null" : CSharp.Literal(c.Pattern);
                w.Line($"{Runtime}.String({value}, {Int(c.MinLength ?? 0)}, {Int(c.MaxLength ?? -1)}, {pattern}, {where});");
            }
            if (c.HasNumberChecks)
            {
                w.Line($"{Runtime}.Number({value}, {Double(c.Minimum)}, {Bool(c.ExclusiveMinimum)}, {Double(c.Maximum)}, {Bool(c.ExclusiveMaximum)}, {c.MultipleOf ?? "0"}, {where});");
            }
            if (c.HasCountChecks && type.Kind is TypeRefKind.List or TypeRefKind.Map)
            {
                var min = type.Kind == TypeRefKind.List ? c.MinItems : c.MinProperties;
                var max = type.Kind == TypeRefKind.List ? c.MaxItems : c.MaxProperties;
                var unique = type.Kind == TypeRefKind.List && c.UniqueItems && IsScalar(type.Element!);
                if (min is not null || max is not null || unique)
                {
                    w.Line($"{Runtime}.Count({value}, {Int(min ?? 0)}, {Int(max ?? -1)}, {Bool(unique)}, {where});");
                }
            }
        }
        switch (type.Kind)
        {
            case TypeRefKind.Object when validated.Contains(type.Name):
                w.Line($"{validate}{MethodName(type.Name)}({value}, {parameter}, {fullPath});");
                break;
            case TypeRefKind.List when NeedsCheck(type.Element!, c?.Items, validated):
            {
                var n = counter.Next++.ToString(CultureInfo.InvariantCulture);
                w.Line($"if ({value} is {{ }} __list{n})");
                w.OpenBrace();
                w.Line($"for (var __i{n} = 0; __i{n} < __list{n}.Count; __i{n}++)");
                w.OpenBrace();
                WriteChecks(w, validate, validated, type.Element!, c?.Items, $"__list{n}[__i{n}]", parameter,
                    $"{Runtime}.Item({fullPath}, __i{n})", null, counter);
                w.CloseBrace();
                w.CloseBrace();
                break;
            }
            case TypeRefKind.Map when NeedsCheck(type.Element!, c?.Items, validated):
            {
                var n = counter.Next++.ToString(CultureInfo.InvariantCulture);
                w.Line($"if ({value} is {{ }} __map{n})");
                w.OpenBrace();
                w.Line($"foreach (var __entry{n} in __map{n})");
                w.OpenBrace();
                WriteChecks(w, validate, validated, type.Element!, c?.Items, $"__entry{n}.Value", parameter,
                    $"{Runtime}.Entry({fullPath}, __entry{n}.Key)", null, counter);
                w.CloseBrace();
                w.CloseBrace();
                break;
            }
        }
    }

    /// <summary>The validator method of a model type.</summary>
    private static string MethodName(string typeName) => "Validate" + typeName.TrimStart('@');

    private static bool IsScalar(TypeRef type) => type.Kind is TypeRefKind.Primitive or TypeRefKind.Enum;

    /// <summary>A member's path suffix: <c>.name</c>, or <c>['odd name']</c> when it is not a plain identifier.</summary>
    private static string Member(string jsonName)
        => jsonName.Length > 0 && !char.IsDigit(jsonName[0]) && jsonName.All(ch => ch == '_' || ch == '$' || ch < 128 && char.IsLetterOrDigit(ch))
            ? "." + jsonName
            : "['" + jsonName.Replace("\\", "\\\\").Replace("'", "\\'") + "']";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A bound as a double literal (the parser keeps only finite numbers in invariant text), NaN for none.</summary>
    private static string Double(string? value)
    {
        if (value is null) return "double.NaN";
        return value.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? value : value + "d";
    }
}
