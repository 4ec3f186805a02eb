using System.Globalization;
using System.Management.Automation;
using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Module;

/// <summary>
/// Help content, enumerated from the module (cmdlets that arrive later are covered too): every parameter of every
/// exported cmdlet shows a default value in Get-Help, equal to the code's where the code has one; about_VlassPS
/// names every exported cmdlet.
/// </summary>
public sealed class HelpContentTests
{
    [Fact]
    public void EveryParameterShowsItsDefaultValueConsistentWithTheCode()
    {
        using var ps = new ModuleSession();
        var cmdlets = ps.Run("(Get-Module VlassPS).ExportedCmdlets.Values").Select(o => (CmdletInfo)o.BaseObject).ToList();
        var problems = new List<string>();
        int checkedWithCode = 0;
        foreach (var cmd in cmdlets)
        {
            var help = ps.Run("Get-Help $args[0] -Parameter * | ForEach-Object { [pscustomobject]@{ Name = $_.name; Default = \"$($_.defaultValue)\" } }", cmd.Name)
                .ToDictionary(o => o.Properties["Name"].Value?.ToString() ?? "", o => o.Properties["Default"].Value?.ToString() ?? "", StringComparer.OrdinalIgnoreCase);
            object instance = Activator.CreateInstance(cmd.ImplementingType)!;
            foreach (var p in cmd.Parameters.Values)
            {
                if (PSCmdlet.CommonParameters.Contains(p.Name) || PSCmdlet.OptionalCommonParameters.Contains(p.Name)) continue;
                if (!help.TryGetValue(p.Name, out var shown) || string.IsNullOrWhiteSpace(shown))
                {
                    problems.Add($"{cmd.Name} -{p.Name}: no default value in the help");
                    continue;
                }
                if (p.SwitchParameter)
                {
                    if (shown != "False") problems.Add($"{cmd.Name} -{p.Name}: a switch's default is False, help says '{shown}'");
                    continue;
                }
                string? code = CodeDefault(cmd.ImplementingType.GetProperty(p.Name)!.GetValue(instance));
                if (code is null) continue;
                checkedWithCode++;
                if (!shown.StartsWith(code, StringComparison.Ordinal))
                    problems.Add($"{cmd.Name} -{p.Name}: the code's default is '{code}', help says '{shown}'");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedWithCode >= 10, $"only {checkedWithCode} code defaults compared");
    }

    /// <summary>The default a parameter property has before binding, as text; null when it has none to show.</summary>
    private static string? CodeDefault(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        char c => c == '\0' ? null : c.ToString(),
        double d => d == 0 || double.IsNaN(d) ? null : d.ToString(CultureInfo.InvariantCulture),
        int i => i == 0 ? null : i.ToString(CultureInfo.InvariantCulture),
        long l => l == 0 ? null : l.ToString(CultureInfo.InvariantCulture),
        Array a => a.Length == 0 ? null : string.Join(",", a.Cast<object>()),
        bool => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    [Fact]
    public void AboutVlassPsNamesEveryExportedCmdlet()
    {
        using var ps = new ModuleSession();
        var exported = ps.Run("(Get-Module VlassPS).ExportedCmdlets.Keys").Select(o => o.ToString()!).ToList();
        Assert.NotEmpty(exported);
        string about = File.ReadAllText(Path.Combine(TestPaths.ModuleDirectory, "en-US", "about_VlassPS.help.txt"));
        var missing = exported.Where(c => !System.Text.RegularExpressions.Regex.IsMatch(about, $@"(?<![\w-]){System.Text.RegularExpressions.Regex.Escape(c)}(?![\w-])")).ToList();
        Assert.True(missing.Count == 0, "about_VlassPS does not mention: " + string.Join(", ", missing));
    }

    [Fact]
    public void ExecutionBlockTableViewShowsTheEpoch()
    {
        var doc = System.Xml.Linq.XDocument.Load(Path.Combine(TestPaths.ModuleDirectory, "VlassPS.Catalog.Format.ps1xml"));
        var view = doc.Descendants("View").Single(v => v.Element("ViewSelectedBy")?.Element("TypeName")?.Value == "VlassPS.Core.Archive.ExecutionBlock");
        var headers = view.Descendants("TableColumnHeader").Select(h => h.Element("Label")?.Value).ToList();
        var items = view.Descendants("TableColumnItem").ToList();
        int i = headers.IndexOf("Epoch");
        Assert.True(i >= 0, "no Epoch column");
        Assert.Equal("Epoch", items[i].Element("PropertyName")?.Value);
    }
}
