using System;
using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Diagnostics;
using Apiforge.Generator.Model;
using Microsoft.OpenApi;

namespace Apiforge.Generator.Parsing;

/// <summary>
/// GroupBy="Tag": one sub-client per first tag. An operation belongs to the group of its first tag (several tags:
/// the first; none: it stays on the root client). Inside a group a method drops the tag's name (or its singular, without
/// a final s) from its front when what is left starts a word and no other name of the group becomes ambiguous
/// (<c>AccountList</c> in <c>Account</c> → <c>ListAsync</c>, <c>UserFind</c> in <c>Users</c> → <c>FindAsync</c>);
/// otherwise it keeps its full name.
/// </summary>
internal sealed partial class ClientBuilder
{
    private bool GroupByTag => string.Equals(_options.GroupBy, "Tag", StringComparison.OrdinalIgnoreCase);

    private bool ReadGroupByOption()
    {
        if (_options.GroupBy is not { } value ||
            string.Equals(value, "Tag", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(value, "None", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        _diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, "GroupBy", value, _context.FileName, "use 'Tag' or 'None'");
        return false;
    }

    private static string? FirstTag(OpenApiOperation operation)
    {
        if (operation.Tags is null) return null;
        foreach (var tag in operation.Tags)
        {
            var name = tag?.Name ?? tag?.Reference?.Id;
            if (!string.IsNullOrWhiteSpace(name)) return name;
        }
        return null;
    }

    private List<GroupSpec> BuildGroups(List<OperationSpec> operations)
    {
        var groups = new List<GroupSpec>();
        if (!GroupByTag) return groups;
        // The root client's members: every operation's methods (some stay on it) and what it declares itself.
        var rootNames = new HashSet<string>(GeneratedNames.ClientMembers, StringComparer.Ordinal) { _clientName, "_httpClient" };
        foreach (var operation in operations)
        {
            foreach (var name in MethodNames(operation.MethodName, operation.ResponseMethodName, operation.Response.Events?.MethodName)) rootNames.Add(name);
            if (operation.Response.ResultTypeName is { } result) rootNames.Add(result.Substring(result.LastIndexOf('.') + 1));
        }
        foreach (var tagged in operations.Select((o, i) => (Operation: o, Index: i)).Where(p => p.Operation.Tag is not null).GroupBy(p => p.Operation.Tag!, StringComparer.Ordinal))
        {
            var pointer = tagged.First().Operation.JsonPointer + "/tags/0";
            var wanted = Names.Pascal(tagged.Key, "Group");
            var property = UniqueMemberName(wanted, rootNames, pointer);
            var className = UniqueMemberName(property + "Operations", rootNames, pointer);
            var interfaceWanted = "I" + _clientName + property;
            var interfaceName = UniqueTypeName(interfaceWanted, null);
            if (interfaceName != interfaceWanted) ReportRenamed(pointer, interfaceWanted, interfaceName);
            groups.Add(new GroupSpec(tagged.Key, property, className, interfaceName, GroupMembers(tagged.ToList(), wanted, className).ToEquatableArray()));
        }
        return groups;
    }

    private string UniqueMemberName(string wanted, HashSet<string> taken, string pointer)
    {
        var candidate = wanted;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        taken.Add(candidate);
        if (candidate != wanted) ReportRenamed(pointer, wanted, candidate);
        return candidate;
    }

    /// <summary>The method names inside one group: shortened where that stays unambiguous, in document order.</summary>
    private static List<GroupMemberSpec> GroupMembers(List<(OperationSpec Operation, int Index)> members, string prefix, string className)
    {
        var originals = members.Select(m => MethodNames(m.Operation.MethodName, m.Operation.ResponseMethodName, m.Operation.Response.Events?.MethodName)).ToList();
        var taken = new HashSet<string>(GeneratedNames.ObjectMembers.Select(n => n + "Async"), StringComparer.Ordinal) { className + "Async", "_httpClient" };
        var result = new List<GroupMemberSpec>();
        for (var i = 0; i < members.Count; i++)
        {
            var operation = members[i].Operation;
            var stem = Stem(operation.MethodName);
            var events = operation.Response.Events;
            var variant = events is not null && events.MethodName != operation.MethodName ? events.MethodName : null;
            var shortened = TryShorten(stem, prefix) is { } shortStem
                ? new GroupMemberSpec(members[i].Index, shortStem + "Async", shortStem + "WithResponseAsync", variant == stem + "StreamAsync" ? shortStem + "StreamAsync" : variant)
                : null;
            if (shortened is not null)
            {
                var names = MethodNames(shortened.MethodName, shortened.ResponseMethodName, shortened.StreamMethodName);
                var clash = names.Any(taken.Contains) || originals.Where((_, j) => j != i).Any(other => names.Any(other.Contains));
                if (!clash)
                {
                    taken.UnionWith(names);
                    result.Add(shortened);
                    continue;
                }
            }
            taken.UnionWith(originals[i]);
            result.Add(new GroupMemberSpec(members[i].Index, operation.MethodName, operation.ResponseMethodName, variant));
        }
        return result;
    }

    private static string Stem(string methodName) => methodName.Substring(0, methodName.Length - "Async".Length);

    /// <summary>The stem without the tag's name, or its singular (<c>Users</c>: <c>UserFind</c> → <c>Find</c>); null when neither starts it.</summary>
    private static string? TryShorten(string stem, string prefix)
    {
        return Without(prefix) ?? (prefix.Length > 1 && prefix.EndsWith("s", StringComparison.Ordinal) ? Without(prefix.Substring(0, prefix.Length - 1)) : null);

        string? Without(string start)
        {
            if (stem.Length <= start.Length || !stem.StartsWith(start, StringComparison.Ordinal)) return null;
            var rest = stem.Substring(start.Length);
            return char.IsUpper(rest[0]) ? rest : null;
        }
    }

    private static HashSet<string> MethodNames(string methodName, string responseMethodName, string? streamMethodName)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { methodName, responseMethodName };
        if (streamMethodName is not null) names.Add(streamMethodName);
        return names;
    }
}
