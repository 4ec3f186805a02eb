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

/// <summary>Completion reads the same data folder as the command: one set in the configuration file only.
/// In a child vlassps, because $VLASSPS_CONFIG is process-wide.</summary>
public class CatalogCompletionConfigTests
{
    [Fact]
    public void Epochs_complete_from_the_table_in_the_configured_data_folder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "vlassps-completion-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string script = $$"""
                $ErrorActionPreference = 'Stop'
                $env:VLASSPS_DATA = $null
                $env:XDG_DATA_HOME = '{{dir}}/empty-data-home'
                $env:VLASSPS_CONFIG = '{{dir}}/config.yaml'
                $null = Update-VlassSurveyCatalog -Path '{{CatalogTestData.SummaryTablePath}}' -CacheDirectory '{{dir}}/data'
                # No table where the command looks: the epochs known to the module (VLASS4.1 is not in the snapshot).
                (TabExpansion2 'Get-VlassObservation -TileName T12t13 -Epoch VLASS').CompletionMatches.CompletionText -join ','
                Set-Content -LiteralPath $env:VLASSPS_CONFIG -Value "cacheDirectory: {{dir}}/data"
                (TabExpansion2 'Get-VlassObservation -TileName T12t13 -Epoch VLASS').CompletionMatches.CompletionText -join ','
                """;
            var (code, stdout, stderr) = Hosting.HostProcess.Run("-NoProfile", "-Command", script);
            Assert.True(code == 0, stderr);
            var lines = stdout.Trim().Split('\n').Select(l => l.Trim()).ToArray();
            Assert.Equal(2, lines.Length);
            Assert.Contains("VLASS4.1", lines[0]);
            Assert.Equal("VLASS1.1,VLASS1.2,VLASS2.1,VLASS2.2,VLASS3.1,VLASS3.2", lines[1]);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
