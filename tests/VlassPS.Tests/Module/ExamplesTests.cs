using System.Management.Automation.Language;
using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Module;

/// <summary>The scripts in examples/ parse, call only commands that exist, and run end to end in vlassps.</summary>
public class ExamplesTests
{
    // Engine built-ins present in every host (pwsh and the SDK-less vlassps).
    private static readonly HashSet<string> EngineCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "ForEach-Object", "Where-Object", "Out-Default", "Out-Null", "Import-Module", "Get-Command", "Get-Help", "Get-Module",
    };

    public static IEnumerable<object[]> Scripts()
        => Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "examples"), "*.ps1").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Example_parses_and_uses_only_exported_commands(string script)
    {
        var ast = Parser.ParseFile(Path.Combine(TestPaths.RepoRoot, "examples", script), out _, out var errors);
        Assert.Empty(errors);
        using var ps = new ModuleSession();
        var exported = ps.Run("(Get-Module VlassPS).ExportedCmdlets.Keys").Select(o => o.ToString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).Where(n => n is not null).Distinct();
        foreach (string name in used!)
            Assert.True(exported.Contains(name!) || EngineCommands.Contains(name!), $"{script} uses '{name}', which is neither exported by VlassPS nor an engine built-in");
    }

    [Fact]
    public void Memo20_appendix_example_prints_the_memo_numbers()
    {
        var (code, stdout, stderr) = HostProcess.Run("-File", Path.Combine(TestPaths.RepoRoot, "examples", "Memo20-Appendix.ps1"));
        Assert.True(code == 0, stderr);
        Assert.Contains("T12t13", stdout);
        Assert.Contains("4180x4180   6968x6968   7200x7200", stdout);
        Assert.Contains("J2000 08:07:57.5380 +04.32.34.550", stdout);
    }

    [Fact]
    public void Plan_targets_example_plans_every_target()
    {
        var (code, stdout, stderr) = HostProcess.Run("-File", Path.Combine(TestPaths.RepoRoot, "examples", "Plan-Targets.ps1"), "-ScienceSize", "1000");
        Assert.True(code == 0, stderr);
        Assert.Contains("T11t36,T11t01,T12t36,T12t01", stdout);
        Assert.Contains("8000", stdout);
        Assert.Contains("3C 286", stdout);
    }
}
