using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Apiforge.Generator.Tests;

/// <summary>What a package page and a debugger see (issue 14): nuspec metadata, symbols, SourceLink, mapped paths.</summary>
[Collection(PackedPackages.Collection)]
public class PackageMetadataTests(PackedPackages packages)
{
    private static readonly Guid s_sourceLink = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Theory]
    [InlineData("Apiforge.Generator")]
    [InlineData("Apiforge.Runtime")]
    public void The_nuspec_has_repository_project_readme_icon_release_notes_and_license(string id)
    {
        using var zip = ZipFile.OpenRead(packages.Package(id));
        using var stream = zip.Entries.Single(e => e.FullName == id + ".nuspec").Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        XElement Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

        Assert.Equal("https://github.com/apiforge/apiforge", Element("repository").Attribute("url")!.Value);
        Assert.Matches("^[0-9a-f]{40}$", Element("repository").Attribute("commit")!.Value);
        Assert.Equal("https://github.com/apiforge/apiforge", Value("projectUrl"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", Element("license").Attribute("type")!.Value);
        Assert.NotEmpty(Value("releaseNotes"));
        Assert.Contains(zip.Entries, e => e.FullName == Value("readme"));
        Assert.Contains(zip.Entries, e => e.FullName == Value("icon"));
    }

    [Fact]
    public void The_runtime_has_a_symbol_package_whose_pdbs_have_sourcelink_and_no_build_machine_path()
    {
        var snupkg = Path.ChangeExtension(packages.Package("Apiforge.Runtime"), ".snupkg");
        using var zip = ZipFile.OpenRead(snupkg);
        var pdbs = zip.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "lib/net8.0/Apiforge.Runtime.pdb", "lib/netstandard2.0/Apiforge.Runtime.pdb" }, pdbs.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in pdbs)
        {
            using var copy = new MemoryStream();
            using (var s = entry.Open()) s.CopyTo(copy);
            copy.Position = 0;
            using var provider = MetadataReaderProvider.FromPortablePdbStream(copy);
            AssertMappedWithSourceLink(provider.GetMetadataReader(), entry.FullName);
        }
    }

    [Fact]
    public void The_generator_dll_embeds_a_pdb_with_sourcelink_and_no_build_machine_path()
    {
        using var zip = ZipFile.OpenRead(packages.Package("Apiforge.Generator"));
        using var copy = new MemoryStream();
        using (var s = zip.GetEntry("analyzers/dotnet/cs/Apiforge.Generator.dll")!.Open()) s.CopyTo(copy);
        copy.Position = 0;
        using var pe = new PEReader(copy);
        var embedded = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        AssertMappedWithSourceLink(provider.GetMetadataReader(), "Apiforge.Generator.dll");
        Assert.Contains(pe.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.Reproducible);
    }

    private static void AssertMappedWithSourceLink(MetadataReader pdb, string what)
    {
        var documents = pdb.Documents.Select(h => pdb.GetString(pdb.GetDocument(h).Name)).ToList();
        Assert.NotEmpty(documents);
        var root = GeneratorHarness.RepositoryRoot.TrimEnd('/', '\\');
        Assert.All(documents, d =>
        {
            Assert.DoesNotContain(root, d, StringComparison.Ordinal);
            Assert.StartsWith("/_/", d, StringComparison.Ordinal);
        });
        var sourceLink = pdb.CustomDebugInformation
            .Select(h => pdb.GetCustomDebugInformation(h))
            .Where(c => pdb.GetGuid(c.Kind) == s_sourceLink)
            .Select(c => System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
            .SingleOrDefault();
        Assert.True(sourceLink is not null, $"{what} has no SourceLink");
        Assert.Contains("\"/_/*\":\"https://raw.githubusercontent.com/apiforge/apiforge/", sourceLink, StringComparison.Ordinal);
    }
}
