using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Module;

/// <summary>The vlassps console host: -Command, -File with arguments, the prompt, exit codes, rendered views.</summary>
public class HostTests
{
    [Fact]
    public void Command_renders_the_table_view_without_escape_codes()
    {
        var (code, stdout, stderr) = HostProcess.Run("-Command", "Get-VlassTile -Ra 121.98974 -Dec 4.54293");
        Assert.True(code == 0, stderr);
        Assert.Contains("Name    Tier DecMin  DecMax  RaMin(h)  RaMax(h)  Contains Target", stdout);
        Assert.Contains("T12t13  12   4       8       8.0000    8.6667    True", stdout);
        Assert.DoesNotContain("\u001b[", stdout);
    }

    [Fact]
    public void A_failing_command_exits_1_and_reports_on_stderr()
    {
        var (code, _, stderr) = HostProcess.Run("-Command", "Get-VlassTile -TileName T99t99");
        Assert.Equal(1, code);
        Assert.Contains("not a VLASS tile", stderr);
        var (code2, _, _) = HostProcess.Run("-Command", "throw 'boom'");
        Assert.Equal(1, code2);
    }

    [Fact]
    public void Errors_go_to_stderr_with_the_line_numbers_of_the_command_text()
    {
        var (code, stdout, stderr) = HostProcess.Run("-Command", "$x = 1\nGet-Item /nonexistent-vlassps");
        Assert.Equal(1, code);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("Cannot find path", stderr);
        Assert.Contains("   2 |", stderr);
        Assert.DoesNotContain("   3 |", stderr);
        var (code2, stdout2, stderr2) = HostProcess.Run("-Command", "$x = 1\nthrow 'boom'");
        Assert.Equal(1, code2);
        Assert.Equal("", stdout2.Trim());
        Assert.Contains("boom", stderr2);
        Assert.Contains("line:2", stderr2);
    }

    [Fact]
    public void The_standard_cmdlets_of_pwsh_exist()
    {
        string csv = Path.Combine(Path.GetTempPath(), $"vlassps-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, "Name,Ra,Dec\nJ0807+0432,121.98974,4.54293\n");
        try
        {
            var (code, stdout, stderr) = HostProcess.Run("-Command",
                $"if (Test-Path '{csv}') {{ Import-Csv '{csv}' | Get-VlassTile | Select-Object -ExpandProperty Name | ConvertTo-Json | Set-Content '{csv}.json'; " +
                $"Get-Content '{csv}.json'; [pscustomobject]@{{ A = 1 }} | Format-Table | Out-String | Write-Output; Sort-Object -InputObject 3 | Write-Host }}");
            Assert.True(code == 0, stderr);
            Assert.Contains("\"T12t13\"", stdout);
            Assert.Contains("A", stdout);
        }
        finally { File.Delete(csv); File.Delete(csv + ".json"); }
    }

    [Fact]
    public void File_binds_arguments_and_returns_the_script_exit_code()
    {
        string script = Path.Combine(Path.GetTempPath(), $"vlassps-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(script, "param([double]$ScienceSize, [string]$Label)\n(Get-VlassImageGeometry -ScienceSize $ScienceSize).ImsizeX\n$Label\nexit 3\n");
        try
        {
            var (code, stdout, stderr) = HostProcess.Run("-File", script, "-ScienceSize", "1000", "-Label", "it's a test");
            Assert.True(code == 3, $"exit {code}: {stderr}");
            Assert.Contains("8000", stdout);
            Assert.Contains("it's a test", stdout);
        }
        finally { File.Delete(script); }
    }

    [Fact]
    public void Interactive_prompt_runs_lines_until_exit()
    {
        var (code, stdout, stderr) = HostProcess.RunWithInput("Get-VlassImageGeometry -ScienceSize 500 |\nForEach-Object { $_.ImsizeX }\nexit\n");
        Assert.True(code == 0, stderr);
        Assert.Contains("VlassPS>", stdout);
        Assert.Contains("7200", stdout);
    }

    [Fact]
    public void Unknown_options_and_missing_scripts_are_usage_errors()
    {
        Assert.Equal(64, HostProcess.Run("-Bogus").ExitCode);
        Assert.Equal(64, HostProcess.Run("-File", "/nonexistent/x.ps1").ExitCode);
    }
}
