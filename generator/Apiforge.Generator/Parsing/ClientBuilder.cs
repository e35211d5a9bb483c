using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Apiforge.Generator.Options;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>Builds the equatable <see cref="ClientSpec"/> from a read <see cref="OpenApiDocument"/>.</summary>
internal sealed partial class ClientBuilder
{
    private readonly ParseContext _context;
    private readonly SpecOptions _options;
    private readonly OpenApiDocument _document;
    private readonly SpecLocator _locator;
    private readonly DiagnosticCollector _diagnostics;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Every C# type name in the client's namespace, with the client's own names reserved.</summary>
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);

    /// <summary>Component schema name to its C# name, for components that become a type of their own.</summary>
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingComponents = new(StringComparer.Ordinal);

    public ClientBuilder(ParseContext context, SpecOptions options, OpenApiDocument document)
    {
        _context = context;
        _options = options;
        _document = document;
        _locator = context.Locator;
        _diagnostics = context.Diagnostics;
        _cancellationToken = context.CancellationToken;
    }

    private string _clientName = "";
    private string _namespace = "";

    public ClientSpec? Build()
    {
        if (!ReadOptions()) return null;

        var contextName = GeneratedNames.JsonContext(_clientName);
        _typeNames.UnionWith(GeneratedNames.ClientTypeNames(_clientName));
        // In Namespace="System", a type Text would capture global::System.Text.Json.
        _typeNames.UnionWith(GeneratedNames.ShadowingTypeNames(_namespace));

        var schemas = _document.Components?.Schemas;
        if (schemas is not null)
        {
            foreach (var pair in schemas)
            {
                if (CreatesType(pair.Value))
                {
                    var wanted = Names.Pascal(pair.Key, "Model");
                    var typeName = UniqueTypeName(wanted, pair.Value);
                    _componentTypeNames[pair.Key] = typeName;
                    if (typeName != wanted) ReportRenamed("#/components/schemas/" + EscapePointer(pair.Key), wanted, typeName);
                }
            }
            foreach (var pair in schemas)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                ResolveComponent(pair.Key);
            }
        }

        ReadSecuritySchemes();
        var operations = BuildOperations(out var rootTypes);
        var types = BuildTypes();

        return new ClientSpec(
            _namespace,
            _clientName,
            contextName,
            DefaultBaseAddress(),
            _document.Info?.Description,
            types.ToEquatableArray(),
            operations.ToEquatableArray(),
            JsonTypes(contextName, types, rootTypes).ToEquatableArray())
        {
            SecuritySchemes = _securitySchemes.Values.ToEquatableArray(),
            ErrorTextProperty = _options.ErrorTextProperty,
            Validation = ValidationEnabled,
            Groups = BuildGroups(operations).ToEquatableArray(),
            DocBaseUri = DocBaseUri(),
            SentTypes = ClientSpec.TypesSentBy(operations),
        };
    }

    /// <summary>Every generated type and every body or response type, each with a unique accessor name.</summary>
    private static List<JsonTypeInfoSpec> JsonTypes(string contextName, List<TypeSpec> types, List<TypeRef> rootTypes)
    {
        var taken = new HashSet<string>(GeneratedNames.ContextMembers, StringComparer.Ordinal) { contextName };
        var result = new List<JsonTypeInfoSpec>();
        var seen = new HashSet<TypeRef>();
        var all = types.Select(t => new TypeRef(t.Kind is TypeSpecKind.Object or TypeSpecKind.Union ? TypeRefKind.Object : TypeRefKind.Enum, t.Name, null, false))
            .Concat(rootTypes);
        foreach (var type in all)
        {
            if (!seen.Add(type)) continue;
            result.Add(new JsonTypeInfoSpec(type, Names.Unique(AccessorName(type), taken)));
        }
        return result;
    }

    private static string AccessorName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Object or TypeRefKind.Enum => type.Name,
        TypeRefKind.List => "ListOf" + AccessorName(type.Element!) + (type.Element!.Nullable ? "OrNull" : ""),
        TypeRefKind.Map => "DictionaryOf" + AccessorName(type.Element!) + (type.Element!.Nullable ? "OrNull" : ""),
        TypeRefKind.Any => "JsonElement",
        _ => Names.Pascal(type.Name.Replace("[]", "Array"), "Value"),
    };

    private bool ReadOptions()
    {
        var options = _options;
        var ok = true;
        _namespace = options.Namespace ?? options.RootNamespace ?? "Apiforge.Generated";
        if (!Names.IsValidNamespace(_namespace))
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, "Namespace", _namespace, _context.FileName, "it must be a dotted list of C# identifiers, such as Acme.Trading");
            ok = false;
        }

        if (options.ClientName is not null)
        {
            _clientName = options.ClientName;
            if (!Names.IsValidIdentifier(_clientName))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, "ClientName", _clientName, _context.FileName, "it must be a C# identifier, such as AcmeClient");
                ok = false;
            }
            else if (Array.IndexOf(GeneratedNames.ClientDeclaredMembers, _clientName) >= 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, "ClientName", _clientName, _context.FileName, "the client declares a member of that name; choose another, such as AcmeClient");
                ok = false;
            }
        }
        else
        {
            _clientName = Names.Pascal(_document.Info?.Title, "Api") + "Client";
        }

        if (options.NumberType is { } numberType &&
            !string.Equals(numberType, "double", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(numberType, "decimal", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, "NumberType", numberType, _context.FileName, "use 'double' or 'decimal'");
            ok = false;
        }
        return ReadValidationOption() & ReadGroupByOption() & ReadMissingRequiredOption() && ok;
    }

    private string NumberType => string.Equals(_options.NumberType, "decimal", StringComparison.OrdinalIgnoreCase) ? PrimitiveNames.Decimal : PrimitiveNames.Double;

    private string? DefaultBaseAddress()
    {
        var server = _document.Servers?.FirstOrDefault();
        if (server?.Url is not { } url) return null;
        if (server.Variables is not null)
        {
            foreach (var variable in server.Variables)
            {
                url = url.Replace("{" + variable.Key + "}", variable.Value.Default ?? "");
            }
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;
    }
}
