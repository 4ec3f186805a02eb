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
