using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace VlassPS.Tests.Catalog;

public class CatalogCompletionTests
{
    private static string[] Complete(string input)
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create(runspace);
        ps.AddScript("Import-Module $args[0]").AddArgument(TestPaths.ModuleManifest).Invoke();
        ps.Commands.Clear();
        return CommandCompletion.CompleteInput(input, input.Length, null, ps).CompletionMatches.Select(m => m.CompletionText).ToArray();
    }

    [Fact]
    public void Epochs_complete_from_the_given_table()
        => Assert.Equal(["VLASS3.1", "VLASS3.2"], Complete($"Get-VlassObservation -CatalogPath '{CatalogTestData.SummaryTablePath}' -TileName T12t13 -Epoch VLASS3"));

    [Fact]
    public void Epochs_complete_without_a_table()
    {
        var empty = Path.Combine(Path.GetTempPath(), "vlassps-no-catalog-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(["VLASS4.1"], Complete($"Find-VlassExecutionBlock -CacheDirectory '{empty}' -TileName T12t13 -Epoch VLASS4"));
        Assert.Equal(["VLASS1.1", "VLASS1.2"], Complete($"Find-VlassExecutionBlock T12t13 -Epoch vlass1"));
    }

    [Fact]
    public void Tile_names_complete()
        => Assert.Equal(["T32t01", "T32t02"], Complete("Find-VlassExecutionBlock -TileName T32"));
}
