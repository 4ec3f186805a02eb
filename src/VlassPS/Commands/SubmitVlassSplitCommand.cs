using System.Management.Automation;
using VlassPS.Core.Configuration;
using VlassPS.Core.Scheduling;
using VlassPS.Core.Workspace;
using VlassPS.Yaml;

namespace VlassPS.Commands;

/// <summary>
/// Runs a CASA split script (New-VlassSplitScript output) as a batch job: writes run_split.&lt;name&gt;.sh
/// beside it and submits it. The job record can be recorded in a workspace and passed to
/// Submit-VlassImaging -DependsOn, so imaging starts only after the split succeeded.
/// </summary>
[Cmdlet(VerbsLifecycle.Submit, "VlassSplit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(JobRecord))]
public sealed class SubmitVlassSplitCommand : JobCmdlet
{
    /// <summary>The split script (a SplitScript from New-VlassSplitScript binds by its Path).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Path { get; set; } = "";

    /// <summary>Records the split job in this workspace's vlassps.json (object or folder).</summary>
    [Parameter] public object? Workspace { get; set; }
    /// <summary>Default: the workspace's scheduler, else $VLASSPS_SCHEDULER, else the configuration, else Slurm.</summary>
    [Parameter] public BatchScheduler? Scheduler { get; set; }
    /// <summary>CASA folder or casa executable; default as for New-VlassImagingWorkspace.</summary>
    [Parameter] public string? CasaPath { get; set; }
    [Parameter] [Alias("Queue")] public string? Partition { get; set; }
    [Parameter] [Alias("WallTime")] public TimeSpan? Time { get; set; }
    [Parameter] [Alias("MemoryGB")] [ValidateRange(1, 65536)] public int? Memory { get; set; }
    [Parameter] [Alias("Cores")] [ValidateRange(1, 1024)] public int? Cpus { get; set; }
    [Parameter] public string? Account { get; set; }
    [Parameter] public object[]? DependsOn { get; set; }

    protected override void ProcessRecord()
    {
        string script = ResolvePath(Path);
        if (!File.Exists(script))
        {
            WriteItemError(new FileNotFoundException($"Split script '{Path}' was not found.", script), "SplitScriptNotFound", ErrorCategory.ObjectNotFound, Path);
            return;
        }
        ImagingWorkspace? ws = null;
        if (Workspace is not null)
        {
            ws = ResolveTarget(Workspace)?.Workspace;
            if (ws is null) return;
        }
        // The one settings resolver: parameter, environment ($VLASSPS_*), configuration file, default.
        var scheduler = Scheduler ?? ws?.Scheduler ?? Setting(s => s.Scheduler(null));
        var casaSetting = Setting(s => s.Resolve(nameof(VlassConfiguration.CasaPath), null));
        string? partition = Setting(s => s.Partition(Partition)), account = Setting(s => s.Account(Account));
        string runScript = SplitBatchScript.PathFor(script);
        string? text = null;
        IReadOnlyList<string> deps = Array.Empty<string>();
        var system = BatchSystems.For(scheduler);
        if (!Try(() =>
            {
                deps = DependencyIds(DependsOn, scheduler);
                var casa = CasaLocation.FromSetting(CasaPath is null ? null : CasaPath.Contains('/') || CasaPath.StartsWith('.') || CasaPath.StartsWith('~') ? ResolvePath(CasaPath) : CasaPath,
                    casaSetting, PipelineProfile.Default);
                var resources = new BatchResources
                {
                    Cores = Cpus ?? 1, MemoryGB = Memory ?? SplitBatchScript.DefaultMemoryGB, WallTime = Time,
                    Partition = partition, Account = account,
                };
                text = SplitBatchScript.Render(system, script, casa, resources, Time ?? SplitBatchScript.DefaultWallTime, ModuleVersion);
            }, script)) return;
        if (!ShouldProcess(script, $"Write {System.IO.Path.GetFileName(runScript)} and submit it to {scheduler}")) return;
        JobRecord? record = null;
        if (!Try(() =>
            {
                SplitBatchScript.Write(runScript, text!);
                var request = new BatchJobRequest
                {
                    ScriptPath = runScript, WorkingDirectory = System.IO.Path.GetDirectoryName(script)!,
                    LogBase = BatchScriptWriter.LogBase(System.IO.Path.GetFileName(runScript)), DependsOn = deps,
                    WallTime = Time, ScriptWallTime = Time ?? SplitBatchScript.DefaultWallTime,
                };
                record = JobTracker.SubmitScript(scheduler, request, "Split", ws?.Path, CancellationToken);
            }, script)) return;
        WriteObject(record);
    }

    private static string ModuleVersion => typeof(SubmitVlassSplitCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
