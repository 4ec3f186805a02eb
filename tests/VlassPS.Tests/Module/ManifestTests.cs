using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Module;

/// <summary>The assembled module: exports, output types, verbs, help and format views.</summary>
public class ManifestTests : IClassFixture<ManifestTests.Session>
{
    public sealed class Session : IDisposable
    {
        public ModuleSession Ps { get; } = new();
        public void Dispose() => Ps.Dispose();
    }

    private readonly ModuleSession _ps;
    public ManifestTests(Session s) => _ps = s.Ps;

    private static Assembly CmdletAssembly => VlassPS.Core.LoadContext.Current?.Assemblies.Single(a => a.GetName().Name == "VlassPS")
        ?? throw new InvalidOperationException("module not loaded");

    private static List<(Type Type, CmdletAttribute Attr)> CompiledCmdlets()
        => CmdletAssembly.GetTypes()
            .Select(t => (Type: t, Attr: t.GetCustomAttribute<CmdletAttribute>()))
            .Where(x => x.Attr is not null && !x.Type.IsAbstract)
            .Select(x => (x.Type, x.Attr!)).ToList();

    [Fact]
    public void Manifest_exports_exactly_the_compiled_cmdlets()
    {
        var compiled = CompiledCmdlets().Select(c => $"{c.Attr.VerbName}-{c.Attr.NounName}").OrderBy(x => x).ToList();
        var exported = _ps.Run("(Get-Module VlassPS).ExportedCmdlets.Keys").Select(o => o.ToString()!).OrderBy(x => x).ToList();
        var manifest = ManifestText().CmdletsToExport.OrderBy(x => x).ToList();
        Assert.Equal(compiled, manifest);
        Assert.Equal(compiled, exported);
    }

    [Fact]
    public void Manifest_declares_core_edition_version_and_formats()
    {
        var m = ManifestText();
        Assert.Equal("7.4", m.PowerShellVersion);
        Assert.Contains("Core", m.Editions);
        Assert.Contains("VlassPS.Format.ps1xml", m.Formats);
        foreach (string f in m.Formats) Assert.True(File.Exists(Path.Combine(TestPaths.ModuleDirectory, f)), f);
    }

    [Fact]
    public void Every_cmdlet_has_OutputType_and_an_approved_verb()
    {
        var approved = _ps.Run("[System.Management.Automation.VerbsCommon],[System.Management.Automation.VerbsData],[System.Management.Automation.VerbsLifecycle],[System.Management.Automation.VerbsDiagnostic],[System.Management.Automation.VerbsCommunications],[System.Management.Automation.VerbsSecurity],[System.Management.Automation.VerbsOther] | ForEach-Object { $_.GetFields().ForEach({ $_.GetValue($null) }) }")
            .Select(o => o.ToString()!).ToHashSet();
        foreach (var (type, attr) in CompiledCmdlets())
        {
            Assert.True(type.GetCustomAttributes<OutputTypeAttribute>().Any(), $"{type.Name} has no [OutputType]");
            Assert.Contains(attr.VerbName, approved);
            Assert.True(type.IsSealed, $"{type.Name} should be sealed");
        }
    }

    [Fact]
    public void Every_cmdlet_has_help_with_synopsis_described_parameters_and_an_example()
    {
        string helpFile = Path.Combine(TestPaths.ModuleDirectory, "en-US", "VlassPS.dll-Help.xml");
        var doc = XDocument.Load(helpFile);
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10", maml = "http://schemas.microsoft.com/maml/2004/10";
        foreach (var (type, attr) in CompiledCmdlets())
        {
            string name = $"{attr.VerbName}-{attr.NounName}";
            var entry = doc.Descendants(command + "command").SingleOrDefault(c => (string?)c.Element(command + "details")?.Element(command + "name") == name);
            Assert.True(entry is not null, $"{name}: no MAML entry");
            // Through Get-Help, as users see it.
            var help = _ps.Run("Get-Help $args[0] -Full", name).Single();
            string synopsis = help.Properties["Synopsis"].Value?.ToString()?.Trim() ?? "";
            Assert.False(string.IsNullOrWhiteSpace(synopsis) || synopsis.StartsWith(name, StringComparison.Ordinal), $"{name}: no synopsis");
            Assert.True(entry!.Descendants(command + "example").Any(), $"{name}: no example");
            var documented = entry.Element(command + "parameters")!.Elements(command + "parameter")
                .ToDictionary(p => (string)p.Element(maml + "name")!, p => string.Concat(p.Element(maml + "description")!.Descendants(maml + "para").Select(x => x.Value)));
            var declared = type.GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()).Select(p => p.Name);
            foreach (string p in declared)
            {
                Assert.True(documented.ContainsKey(p), $"{name}: parameter -{p} is not documented");
                Assert.False(string.IsNullOrWhiteSpace(documented[p]), $"{name}: parameter -{p} has an empty description");
            }
            // -WhatIf/-Confirm may be documented on cmdlets that support ShouldProcess (platyPS does so).
            var allowed = attr.SupportsShouldProcess ? declared.Concat(new[] { "WhatIf", "Confirm" }).ToHashSet() : declared.ToHashSet();
            foreach (string p in documented.Keys)
                Assert.True(allowed.Contains(p), $"{name}: help documents -{p}, which does not exist");
        }
    }

    [Fact]
    public void Format_files_load_and_cover_every_output_type()
    {
        var formats = Directory.GetFiles(TestPaths.ModuleDirectory, "*.Format.ps1xml");
        _ = new System.Management.Automation.Runspaces.FormatTable(formats); // throws FormatTableLoadException on a bad file
        string all = string.Concat(formats.Select(File.ReadAllText));
        foreach (var (type, _) in CompiledCmdlets())
            foreach (var t in type.GetCustomAttributes<OutputTypeAttribute>().SelectMany(o => o.Type).Select(t => t.Type).Where(t => t is not null))
            {
                if (t!.Namespace?.StartsWith("VlassPS.Core", StringComparison.Ordinal) != true) continue;
                Assert.True(all.Contains($"<TypeName>{t.FullName}</TypeName>", StringComparison.Ordinal), $"{type.Name}: no view for {t.FullName}");
            }
    }

    [Fact]
    public void About_topic_is_shipped()
        => Assert.True(File.Exists(Path.Combine(TestPaths.ModuleDirectory, "en-US", "about_VlassPS.help.txt")));

    private sealed record Manifest(string PowerShellVersion, List<string> Editions, List<string> Formats, List<string> CmdletsToExport);

    private static Manifest ManifestText()
    {
        // Import-PowerShellDataFile is SDK-only: parse the manifest's hashtable with the engine's own parser.
        var ast = System.Management.Automation.Language.Parser.ParseFile(TestPaths.ModuleManifest, out _, out var errors);
        Assert.Empty(errors);
        var ht = (System.Management.Automation.Language.HashtableAst)ast.Find(a => a is System.Management.Automation.Language.HashtableAst, false)!;
        var data = (System.Collections.Hashtable)ht.SafeGetValue();
        static List<string> L(object? o) => o is object[] a ? a.Select(x => x.ToString()!).ToList() : o is null ? new() : new() { o.ToString()! };
        return new Manifest(data["PowerShellVersion"]!.ToString()!, L(data["CompatiblePSEditions"]), L(data["FormatsToProcess"]), L(data["CmdletsToExport"]));
    }
}
