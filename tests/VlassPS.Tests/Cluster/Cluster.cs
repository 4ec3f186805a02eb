using System.Diagnostics;
using System.Management.Automation;
using VlassPS.Core.Processes;
using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Cluster;

/// <summary>
/// The real single-node Slurm cluster the tests use (tools/start-slurm.sh; SLURM_CONF in the environment).
/// Tests that need it are skipped with the reason when it does not answer; VLASSPS_REQUIRE_SLURM=1 (CI)
/// turns the skip into a failure.
/// </summary>
public static class Cluster
{
    private static readonly Lazy<string?> Problem = new(Probe);

    public static string FakeCasa => Path.Combine(TestPaths.RepoRoot, "tests", "fake-casa", "casa");

    public static bool Required => Environment.GetEnvironmentVariable("VLASSPS_REQUIRE_SLURM") == "1";

    /// <summary>Skips (or, when required, fails) unless a Slurm controller answers.</summary>
    public static void RequireSlurm()
    {
        string? problem = Problem.Value;
        if (problem is null) return;
        if (Required) Assert.Fail($"VLASSPS_REQUIRE_SLURM=1 but {problem}");
        Skip.If(true, $"No Slurm cluster: {problem} (start one with tools/start-slurm.sh and source /tmp/vlass-slurm/env.sh)");
    }

    /// <summary>The torque wrappers (slurm-wlm-torque) on top of the cluster.</summary>
    public static void RequireTorqueWrappers()
    {
        RequireSlurm();
        bool has = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "qsub")));
        if (!has && Required) Assert.Fail("VLASSPS_REQUIRE_SLURM=1 but qsub (slurm-wlm-torque) is not installed; start with SLURM_WITH_TORQUE=1");
        Skip.IfNot(has, "qsub not on PATH (install slurm-wlm-torque: SLURM_WITH_TORQUE=1 tools/start-slurm.sh)");
    }

    private static string? Probe()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SLURM_CONF")) && !File.Exists("/etc/slurm/slurm.conf"))
            return "SLURM_CONF is not set";
        try
        {
            var r = ProcessRunner.Run("scontrol", new[] { "ping" }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(20) });
            return r.StandardOutput.Contains("is UP") ? null : $"scontrol ping: {r.Output}";
        }
        catch (ExternalCommandException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The test cluster's directory (pids, env.sh), from SLURM_CONF=…/etc/slurm.conf.</summary>
    public static string TestDirectory => Path.GetDirectoryName(Path.GetDirectoryName(Environment.GetEnvironmentVariable("SLURM_CONF")!)!)!;

    /// <summary>A fresh folder for one test.</summary>
    public static string NewRoot(string name)
    {
        string root = Path.Combine(Path.GetTempPath(), "vlassps-cluster-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        return root;
    }
}

/// <summary>A runspace with the module plus helpers that make workspaces whose run script calls the fake casa.</summary>
public sealed class JobSession : IDisposable
{
    private readonly ModuleSession _session = new();

    public JobSession()
    {
        _session.Run("""
            function New-TestWorkspace([string]$Name, [string]$Root, [string]$Scheduler = 'Slurm', [string]$Casa, [string]$MeasurementSet) {
                # A stand-in MS folder, unless the test names one that a split job will write.
                $ms = $MeasurementSet
                if (-not $ms) { $ms = [System.IO.Path]::Combine($Root, $Name + '_split.ms'); $null = [System.IO.Directory]::CreateDirectory($ms) }
                $list = Get-VlassImageGeometry -ScienceSize 100 -Position '121.98974 4.54293' | New-SeipParameterList -Name $Name -PassThru
                $list | New-VlassImagingWorkspace -MeasurementSet $ms -Name $Name -Root $Root -PipelineVersion 2025.1.1.61 -Scheduler $Scheduler `
                    -Cores 1 -MemoryGB 1 -WallTime '00:05:00' -DataColumn data -CasaPath $Casa -WarningAction SilentlyContinue
            }
            """);
    }

    public IReadOnlyList<PSObject> Run(string script, params object[] args) => _session.Run(script, args);

    public void Dispose() => _session.Dispose();
}
