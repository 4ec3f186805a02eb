using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace VlassPS.Tests.Module;

public class CompletionTests
{
    [Fact]
    public void Tile_names_complete_from_the_tiling()
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create(runspace);
        ps.AddScript("Import-Module $args[0]").AddArgument(TestPaths.ModuleManifest).Invoke();
        ps.Commands.Clear();
        string input = "Get-VlassTile -TileName T32";
        var completion = CommandCompletion.CompleteInput(input, input.Length, null, ps);
        Assert.Equal(new[] { "T32t01", "T32t02" }, completion.CompletionMatches.Select(m => m.CompletionText));
        Assert.Contains("Dec 85..90", completion.CompletionMatches[0].ToolTip);
    }
}
