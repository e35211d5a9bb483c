using System.Collections.Generic;
using System.Linq;
using Apiforge.Generator.Model;

namespace Apiforge.Generator.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>
    /// A required argument declared non-nullable but passed null (from code without nullable analysis, or with <c>null!</c>)
    /// is refused with <see cref="System.ArgumentNullException"/> naming it, before anything is sent, rather than
    /// failing deep inside the request building with a NullReferenceException.
    /// </summary>
    private static void WriteArgumentChecks(SourceWriter w, OperationSpec operation)
    {
        foreach (var name in RequiredReferenceArguments(operation))
        {
            w.Line($"if ({name} is null) throw new global::System.ArgumentNullException(nameof({name}));");
        }
    }

    private static IEnumerable<string> RequiredReferenceArguments(OperationSpec operation)
    {
        foreach (var p in operation.Parameters.Where(p => p.Required && !p.Type.Nullable && !p.Type.IsValueType))
        {
            yield return p.Name;
        }
        if (operation.Body is not { } body) yield break;
        if (body.Kind == BodyKind.Multipart && body.Parts.Count > 0)
        {
            foreach (var part in body.Parts.Where(p => p.Required && (p.Kind is PartKind.File or PartKind.Files || !p.Type.Nullable && !p.Type.IsValueType)))
            {
                yield return part.Name;
            }
        }
        else if (body.Required && !body.Type.Nullable && (body.Kind == BodyKind.Multipart || !body.Type.IsValueType))
        {
            yield return body.Name;
        }
    }
}
