using System.Management.Automation;
using VlassPS.Campaigns;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Configuration;
using VlassPS.Core.Scheduling;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;
using VlassPS.Core.Workspace;
using VlassPS.Transforms;
using VlassPS.Yaml;

namespace VlassPS.Commands;

/// <summary>
/// One reconciliation pass over a campaign: every MS in the data directory gets one split job covering all its
/// targets, every target × epoch an imaging workspace whose job runs after its split (afterok); finished jobs are
/// recorded, failed ones retried up to -MaxAttempts with each reason kept. Safe to run again and again (cron):
/// the ledger (.vlassps-campaign.db in the work root) makes sure nothing is submitted twice.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "VlassCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Targets")]
[OutputType(typeof(CampaignSummary))]
public sealed partial class InvokeVlassCampaignCommand : VlassCmdlet, ICampaignHost
{
    /// <summary>The targets: positions with names (ConvertTo-VlassPosition -Name, Import-VlassTarget, CSV rows).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "Targets")]
    [SkyPositionTransformation]
    public SkyPosition[] Target { get; set; } = Array.Empty<SkyPosition>();

    /// <summary>A campaign (Import-VlassCampaign output): its targets, folders and defaults.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "Campaign")]
    public CampaignDefinition? Campaign { get; set; }

    /// <summary>Where the downloaded measurement sets land (*.ms folders); default: the campaign's.</summary>
    [Parameter] public string? DataDirectory { get; set; }
    /// <summary>Where splits, workspaces and the ledger go; default: the campaign's.</summary>
    [Parameter] public string? WorkRoot { get; set; }
    /// <summary>Default: the campaign's, else Slurm.</summary>
    [Parameter] public BatchScheduler? Scheduler { get; set; }
    /// <summary>CASA folder or casa executable; default: the configuration's.</summary>
    [Parameter] public string? CasaPath { get; set; }
    /// <summary>Science image size in arcsec (fields for the split are chosen for it).</summary>
    [Parameter] [ValidateRange(1.0, 36000.0)] public double ScienceSize { get; set; } = 500;
    /// <summary>Submissions per job (split or imaging) before a failure is final.</summary>
    [Parameter] [ValidateRange(1, 100)] public int MaxAttempts { get; set; } = 3;
    [Parameter] [Alias("Queue")] public string? Partition { get; set; }
    [Parameter] public string? Account { get; set; }
    [Parameter] [ValidateRange(1, 64)] public int Cores { get; set; } = 1;
    [Parameter] [ValidateRange(1, 65536)] public int MemoryGB { get; set; } = 16;
    [Parameter] public TimeSpan WallTime { get; set; } = TimeSpan.FromHours(12);
    /// <summary>Slurm: at most this many imaging jobs of one array (one MS's units) run at once; default: the
    /// campaign's array_throttle, else 50; 0 turns arrays off (one sbatch per unit). PBS and Local submit one job per
    /// unit and ignore it.</summary>
    [Parameter] [ValidateRange(0, 100000)] public int ArrayThrottle { get; set; } = CampaignPass.DefaultArrayThrottle;

    /// <summary>Epochs planned for -Target positions (a campaign's come from its file); default: every observed epoch.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.EpochCompleter))]
    public string[]? Epoch { get; set; }

    /// <summary>Survey table file for the plan; default: the cached table.</summary>
    [Parameter] [ValidateNotNullOrEmpty] public string? CatalogPath { get; set; }

    /// <summary>The VlassPS data folder (survey table; archive answers in its cache), as for Get-VlassCampaignPlan.</summary>
    [Parameter] [ValidateNotNullOrEmpty] public string? CacheDirectory { get; set; }

    /// <summary>Quick-look archive root for execution blocks not yet cached.</summary>
    [Parameter] [ValidateNotNull] public Uri? BaseUri { get; set; }

    /// <summary>Plan from cached execution-block answers only (never ask the archive); -WhatIf implies it.</summary>
    [Parameter] public SwitchParameter Offline { get; set; }

    private readonly List<SkyPosition> _targets = new();
    private readonly List<CampaignTarget> _campaignTargets = new();

    private readonly Dictionary<string, double> _sizes = new(StringComparer.Ordinal);

    protected override void ProcessRecord()
    {
        if (Campaign is null)
        {
            _targets.AddRange(Target);
            var settings = new CampaignSettings { ScienceWidthArcsec = ScienceSize, ScienceHeightArcsec = ScienceSize, Epochs = Epoch ?? [] };
            foreach (var p in Target) _campaignTargets.Add(new CampaignTarget(p.Target, settings));
            return;
        }
        foreach (var t in Campaign.Targets)
        {
            _targets.Add(t.Position.WithTarget(t.Name, t.Target.Overrides));
            _sizes[t.Name] = t.Settings.ScienceWidthArcsec;
        }
        _campaignTargets.AddRange(Campaign.Targets);
        DataDirectory ??= Campaign.DataDirectory;
        WorkRoot ??= Campaign.WorkRoot;
        Scheduler ??= Campaign.Defaults.Scheduler;
        CasaPath ??= Campaign.Defaults.CasaPath;
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(ScienceSize))) ScienceSize = Campaign.Defaults.ScienceWidthArcsec;
        var r = Campaign.Defaults.Resources;
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(Cores))) Cores = r.Cores;
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(MemoryGB))) MemoryGB = r.MemoryGB;
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(WallTime)) && r.WallTime is TimeSpan w) WallTime = w;
        Partition ??= r.Partition;
        Account ??= r.Account;
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(ArrayThrottle)) && Campaign.Defaults.ArrayThrottle is int throttle) ArrayThrottle = throttle;
    }

    protected override void EndProcessing()
    {
        if (DataDirectory is null || WorkRoot is null)
        {
            ThrowInvocationError(new ArgumentException("A campaign needs -DataDirectory and -WorkRoot (or data_directory and work_root in its file)."),
                "CampaignFoldersMissing", ErrorCategory.InvalidArgument, DataDirectory is null ? nameof(DataDirectory) : nameof(WorkRoot));
            return;
        }
        string root = ResolvePath(WorkRoot), data = ResolvePath(DataDirectory);
        var dup = _targets.GroupBy(t => t.Target.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            ThrowInvocationError(new ArgumentException($"Target name '{dup.Key}' is given {dup.Count()} times; every campaign target needs its own name."),
                "DuplicateCampaignTarget", ErrorCategory.InvalidArgument, dup.Key);
            return;
        }
        CasaLocation casa;
        try
        {
            // The one settings resolver: $VLASSPS_CASA, then the configuration file (an invalid file stops the pass).
            casa = CasaLocation.FromSetting(CasaPath is null ? null : ResolvePath(CasaPath), Setting(s => s.Resolve(nameof(VlassConfiguration.CasaPath), null)), PipelineProfile.Default);
        }
        catch (Exception ex) when (ex is ArgumentException or FileNotFoundException or InvalidOperationException)
        {
            ThrowInvocationError(ex, "CasaNotFound", ErrorCategory.ObjectNotFound, CasaPath);
            return;
        }
        bool whatIf = !ShouldProcess(CampaignLedger.PathFor(root), "Advance the campaign (ledger, splits, workspaces, submissions)");
        _whatIf = whatIf;
        var plan = PlanCampaign(offline: Offline || whatIf);
        var settings = new CampaignPassSettings
        {
            Plan = plan, CampaignSettingsByTarget = _campaignTargets.ToDictionary(t => t.Name, t => t.Settings, StringComparer.Ordinal),
            WorkRoot = root, DataDirectory = data, Targets = _targets.Select(t => t.Target).ToList(), Scheduler = Scheduler ?? BatchScheduler.Slurm, Casa = casa, ScienceSizeByTarget = _sizes,
            ScienceSizeArcsec = ScienceSize, MaxAttempts = MaxAttempts, Partition = Partition, Account = Account,
            ArrayThrottle = ArrayThrottle,
        };
        try
        {
            // -WhatIf: the pass runs against an in-memory copy of the ledger and every step only says what it would do.
            using var ledger = whatIf ? CampaignLedger.OpenSnapshot(root) : CampaignLedger.Open(root);
            var summary = new CampaignPass(ledger, settings, this, CancellationToken).Run(takeLease: !whatIf);
            WriteProgress(new ProgressRecord(1, "Invoke-VlassCampaign", "Done") { RecordType = ProgressRecordType.Completed });
            WriteObject(summary);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            ThrowInvocationError(ex, "CampaignLedgerUnavailable", ErrorCategory.ResourceUnavailable, CampaignLedger.PathFor(root));
        }
        catch (Exception ex) when (ex is SchedulerUnavailableException or SchedulerRequestException or Core.Processes.ExternalCommandException)
        {
            ThrowInvocationError(ex, "CampaignSchedulerFailed", ErrorCategory.ConnectionError, Scheduler ?? BatchScheduler.Slurm);
        }
    }

    private bool _whatIf;

    bool ICampaignHost.ShouldProcess(string target, string action) => !_whatIf ? true : ShouldProcess(target, action) && false;

    ImagingWorkspace ICampaignHost.EnsureWorkspace(VlassTarget target, string measurementSet, string root)
    {
        // The module's own cmdlets, so a campaign workspace is exactly what the one-target recipe writes.
        using var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        ps.AddScript("""
            param($Position, $Size, $Ms, $Name, $Root, $Scheduler, $Casa, $Cores, $Memory, $Time, $Partition, $Account)
            $extra = @{}
            if ($Partition) { $extra['Partition'] = $Partition }
            if ($Account) { $extra['Account'] = $Account }
            Get-VlassImageGeometry -ScienceSize $Size -Position $Position |
                New-SeipParameterList -Name $Name -Path ([System.IO.Path]::Combine($Root, $Name + '.seip.txt')) -PassThru -Confirm:$false -WhatIf:$false |
                New-VlassImagingWorkspace -MeasurementSet $Ms -Name $Name -Root $Root -Scheduler $Scheduler -CasaPath $Casa -DataColumn data `
                    -Cores $Cores -MemoryGB $Memory -WallTime $Time @extra -Confirm:$false -WhatIf:$false -WarningAction SilentlyContinue
            """, useLocalScope: true) // local scope: its parameters must not overwrite the caller's variables ($root ...)
            .AddParameter("Position", target.Position).AddParameter("Size", _sizes.TryGetValue(target.Name, out double size) ? size : ScienceSize).AddParameter("Ms", measurementSet)
            .AddParameter("Name", target.Name).AddParameter("Root", root).AddParameter("Scheduler", (Scheduler ?? BatchScheduler.Slurm).ToString())
            .AddParameter("Casa", _casaPathForWorkspace).AddParameter("Cores", Cores).AddParameter("Memory", MemoryGB)
            .AddParameter("Time", WallTime.ToString()).AddParameter("Partition", Partition).AddParameter("Account", Account);
        Directory.CreateDirectory(root);
        var result = ps.Invoke();
        if (ps.HadErrors && ps.Streams.Error.Count > 0)
            throw new InvalidOperationException($"Workspace for {target.Name} in {root}: {ps.Streams.Error[0]}");
        return result.Select(r => r.BaseObject).OfType<ImagingWorkspace>().LastOrDefault()
               ?? throw new InvalidOperationException($"Workspace for {target.Name} in {root} was not created.");
    }

    private string? _casaPathForWorkspace => CasaPath is null ? null : ResolvePath(CasaPath);

    void ICampaignHost.Progress(string activity, string status, int percent)
        => WriteProgress(new ProgressRecord(1, activity, status) { PercentComplete = Math.Clamp(percent, 0, 100) });

    void ICampaignHost.Verbose(string text) => WriteVerbose(text);
    void ICampaignHost.Warning(string text) => WriteWarning(text);
}
