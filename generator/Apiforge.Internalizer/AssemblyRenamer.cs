using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Text;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Apiforge.Internalizer;

/// <summary>
/// Gives assemblies a new identity: name prefixed, strong name dropped, and every reference to them (assembly
/// references, InternalsVisibleTo, type names inside attribute arguments) rewritten to match.
/// </summary>
/// <remarks>
/// Why a new identity and not merged, internal types: the compiler loads analyzers on .NET (one AssemblyLoadContext per
/// analyzer folder, but unified by name with what is already loaded) and on .NET Framework (Visual Studio,
/// msbuild.exe: one AppDomain for every analyzer). In both, two analyzers that bundle different versions of
/// the same assembly name can get each other's copy; an assembly name nobody else uses is loaded once, ours.
/// The namespaces stay as they are: types are told apart by assembly, and nothing outside the generator compiles against them.
/// </remarks>
internal sealed class AssemblyRenamer
{
    private readonly string _prefix;
    private readonly HashSet<string> _renamedNames;

    public AssemblyRenamer(string prefix, IEnumerable<string> renamedFiles)
    {
        _prefix = prefix;
        _renamedNames = new HashSet<string>(renamedFiles.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> WriteAll(IEnumerable<string> renamed, IEnumerable<string> rewritten, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var file in renamed.Concat(rewritten))
        {
            written.Add(Write(file, outputDirectory));
        }
        return written;
    }

    private string Write(string path, string outputDirectory)
    {
        if (!File.Exists(path)) throw new InternalizerException($"{path} does not exist");
        var embeddedPdb = HasEmbeddedPdb(path);
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
        var readerParameters = new ReaderParameters
        {
            AssemblyResolver = resolver,
            ReadSymbols = embeddedPdb,
            SymbolReaderProvider = embeddedPdb ? new EmbeddedPortablePdbReaderProvider() : null,
            // Everything is read into memory: the input file is not held open while the output is written.
            InMemory = true,
        };
        using var assembly = AssemblyDefinition.ReadAssembly(path, readerParameters);
        var module = assembly.MainModule;

        // Attribute arguments of type System.Type are stored as assembly-qualified names: read them before the
        // references are renamed, so that they are written again with the new names.
        foreach (var attribute in AllCustomAttributes(assembly).Where(MentionsRenamedAssembly))
        {
            _ = attribute.ConstructorArguments.Count + attribute.Properties.Count + attribute.Fields.Count;
        }

        if (_renamedNames.Contains(assembly.Name.Name))
        {
            var newName = _prefix + assembly.Name.Name;
            assembly.Name.Name = newName;
            assembly.Name.PublicKey = Array.Empty<byte>();
            assembly.Name.HasPublicKey = false;
            module.Name = newName + ".dll";
            module.Attributes &= ~ModuleAttributes.StrongNameSigned;
        }

        foreach (var reference in module.AssemblyReferences.Where(r => _renamedNames.Contains(r.Name)))
        {
            reference.Name = _prefix + reference.Name;
            reference.PublicKeyToken = Array.Empty<byte>();
            reference.PublicKey = Array.Empty<byte>();
            reference.HasPublicKey = false;
        }

        RewriteInternalsVisibleTo(assembly);
        AssertNoReflectionByOldName(module);

        var output = Path.Combine(outputDirectory, assembly.Name.Name + ".dll");
        // Written beside and then moved: a solution build can build the generator twice at once (with and without a
        // TargetFramework global property), and a reader must never see a half-written file.
        var partial = output + "." + Guid.NewGuid().ToString("N") + ".tmp";
        assembly.Write(partial, new WriterParameters
        {
            DeterministicMvid = true,
            WriteSymbols = embeddedPdb,
            SymbolWriterProvider = embeddedPdb ? new EmbeddedPortablePdbWriterProvider() : null,
        });
        File.Move(partial, output, overwrite: true);
        return $"{Path.GetFileName(path)} -> {output}";
    }

    private void RewriteInternalsVisibleTo(AssemblyDefinition assembly)
    {
        foreach (var attribute in assembly.CustomAttributes.Where(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.InternalsVisibleToAttribute").ToList())
        {
            var friend = (string)attribute.ConstructorArguments[0].Value;
            var friendName = friend.Split(',')[0].Trim();
            if (!_renamedNames.Contains(friendName)) continue;
            // The friend has no strong name any more: a PublicKey here would no longer match it.
            attribute.ConstructorArguments[0] = new CustomAttributeArgument(attribute.ConstructorArguments[0].Type, _prefix + friendName);
        }
    }

    /// <summary>A string like "Type, Microsoft.OpenApi" in code would load the original assembly by name at run time.</summary>
    private void AssertNoReflectionByOldName(ModuleDefinition module)
    {
        foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.OpCode == OpCodes.Ldstr && instruction.Operand is string text && _renamedNames.Any(name => MentionsAssemblyName(text, name)))
                {
                    throw new InternalizerException($"{method.FullName} loads \"{text}\" by assembly name, which would not find the renamed assembly");
                }
            }
        }
    }

    private bool MentionsRenamedAssembly(CustomAttribute attribute)
    {
        if (!attribute.HasConstructorArguments && !attribute.HasProperties && !attribute.HasFields && attribute.GetBlob().Length <= 4) return false;
        var blob = Encoding.UTF8.GetString(attribute.GetBlob());
        return _renamedNames.Any(name => MentionsAssemblyName(blob, name));
    }

    private static bool MentionsAssemblyName(string text, string assemblyName)
    {
        foreach (var separator in new[] { ", ", "," })
        {
            var at = text.IndexOf(separator + assemblyName, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + separator.Length + assemblyName.Length;
                // "Microsoft.OpenApi" must not match "Microsoft.OpenApi.YamlReader", nor a namespace after a comma.
                if (end == text.Length || text[end] == ',' || text[end] == ']' || char.IsControl(text[end])) return true;
                at = text.IndexOf(separator + assemblyName, end, StringComparison.Ordinal);
            }
        }
        return false;
    }

    private static IEnumerable<CustomAttribute> AllCustomAttributes(AssemblyDefinition assembly)
    {
        IEnumerable<ICustomAttributeProvider> Providers()
        {
            yield return assembly;
            foreach (var module in assembly.Modules)
            {
                yield return module;
                foreach (var type in module.GetTypes())
                {
                    yield return type;
                    foreach (var generic in type.GenericParameters) yield return generic;
                    foreach (var field in type.Fields) yield return field;
                    foreach (var property in type.Properties) yield return property;
                    foreach (var @event in type.Events) yield return @event;
                    foreach (var method in type.Methods)
                    {
                        yield return method;
                        yield return method.MethodReturnType;
                        foreach (var parameter in method.Parameters) yield return parameter;
                        foreach (var generic in method.GenericParameters) yield return generic;
                    }
                }
            }
        }
        return Providers().Where(p => p.HasCustomAttributes).SelectMany(p => p.CustomAttributes);
    }

    private static bool HasEmbeddedPdb(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.ReadDebugDirectory().Any(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
    }
}
