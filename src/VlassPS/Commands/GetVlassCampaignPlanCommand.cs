using System.Management.Automation;
using VlassPS.Archive;
using VlassPS.Core.Archive;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Catalog;
using VlassPS.Core.Errors;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;
using VlassPS.Core.Tiling;
using VlassPS.Transforms;

namespace VlassPS.Commands;

/// <summary>
/// Plans a campaign with no side effects: one <see cref="CampaignPlanEntry"/> per target × epoch (tiles,
/// observations, execution blocks, geometry, status), streamed as targets arrive; with -GroupBy ExecutionBlock,
/// the <see cref="CampaignDownload"/>s instead (unique EBs in greedy set-cover order, with the targets each serves).
/// Reads the cached survey table; EBs come from the EB cache, else from the archive (never with -Offline).
/// Each tile × epoch is looked up once per invocation.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VlassCampaignPlan")]
[OutputType(typeof(CampaignPlanEntry))]
[OutputType(typeof(CampaignDownload))]
public sealed class GetVlassCampaignPlanCommand : VlassCmdlet
{
    private const int ProgressId = 0x5C4A;

    /// <summary>
    /// A campaign (Import-VlassCampaign), campaign targets, or targets/positions in any accepted form (planned with
    /// the -Campaign defaults and the parameters below).
    /// </summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object[] InputObject { get; set; } = [];

    /// <summary>Campaign whose defaults apply to piped targets; planned whole when nothing is piped.</summary>
    [Parameter]
    public CampaignDefinition? Campaign { get; set; }

    /// <summary>Epochs for piped targets (overrides the campaign default).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.EpochCompleter))]
    public string[]? Epoch { get; set; }

    /// <summary>Science image side in arcsec for piped targets (overrides the campaign default).</summary>
    [Parameter]
    [ValidateRange(1.0, 36000.0)]
    public double? ScienceSize { get; set; }

    /// <summary>Pixel size in arcsec for piped targets (overrides the campaign default).</summary>
    [Parameter]
    [ValidateRange(0.001, 60.0)]
    public double? Cell { get; set; }

    /// <summary>None: one row per target × epoch. ExecutionBlock: one row per download, in set-cover order.</summary>
    [Parameter]
    [ValidateSet("None", "ExecutionBlock")]
    public string GroupBy { get; set; } = "None";

    /// <summary>Use only cached execution-block answers; a tile × epoch not cached is reported as unknown.</summary>
    [Parameter]
    public SwitchParameter Offline { get; set; }

    /// <summary>Survey table file; default: the cached table.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CatalogPath { get; set; }

    /// <summary>The VlassPS data folder (survey table; archive answers in its cache), as for Find-VlassExecutionBlock.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CacheDirectory { get; set; }

    /// <summary>Quick-look archive root.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = 30;

    private CampaignPlanner? _planner;
    private DownloadPlanner? _downloads;
    private FinderLookup? _online;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private bool _anyInput;
    private int _targets;

    protected override void BeginProcessing()
    {
        // Called alone with nothing to plan: say so (before any table is read). An empty pipeline stays silent, as in PowerShell.
        if (Campaign is null && !MyInvocation.ExpectingInput && !MyInvocation.BoundParameters.ContainsKey(nameof(InputObject)))
            ThrowInvocationError(new ArgumentException("Nothing to plan: give -Campaign (Import-VlassCampaign), or pipe or pass -InputObject a campaign, campaign targets or positions."),
                VlassErrors.CampaignPlanInputMissing, nameof(InputObject));
        var catalog = CatalogAccess.TryLoad(CatalogPath is null ? null : ResolvePath(CatalogPath), DataDirectorySetting(CacheDirectory), out var error);
        if (catalog is null)
        {
            ThrowInvocationError(error!, CatalogAccess.MissingErrorId, ErrorCategory.ObjectNotFound, CatalogPath);
            return;
        }
        RequireEpochsInTable(catalog, Epoch);
        var lookup = ExecutionBlockLookup(CacheDirectory, BaseUri, Offline ? null : TimeSpan.FromSeconds(TimeoutSec), out _online);
        _planner = new CampaignPlanner(catalog, lookup);
        if (GroupBy == "ExecutionBlock") _downloads = new DownloadPlanner();
    }

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            _anyInput = true;
            switch (item is PSObject ps ? ps.BaseObject : item)
            {
                case CampaignDefinition d:
                    foreach (var t in d.Targets) Plan(t, t);
                    break;
                case CampaignTarget t:
                    Plan(t, t);
                    break;
                default:
                    if (ToTarget(item) is { } target) Plan(target, item);
                    break;
            }
        }
    }

    protected override void EndProcessing()
    {
        if (!_anyInput && Campaign is not null)
            foreach (var t in Campaign.Targets) Plan(t, t);
        if (_downloads is not null)
            foreach (var d in _downloads.Order()) WriteObject(d);
        WriteVerbose($"Planned {_targets} target(s); {_planner?.LookupCount ?? 0} tile × epoch execution-block lookup(s).");
        _online?.Dispose();
        var done = new ProgressRecord(ProgressId, "Planning campaign", "Done") { RecordType = ProgressRecordType.Completed };
        WriteProgress(done);
    }

    private CampaignTarget? ToTarget(object item)
    {
        SkyInput input;
        try { input = SkyInput.Resolve(item); }
        catch (Exception ex) when (ex is PositionFormatException or ArgumentException)
        {
            WriteItemError(new ArgumentException($"'{item}' is not a target or position: {ex.Message}", ex), "InputUnreadable", ErrorCategory.InvalidArgument, item);
            return null;
        }
        var target = input.Target ?? input.Position?.Target;
        if (target?.Position is null)
        {
            WriteItemError(new ArgumentException($"'{item}' has no position (a tile or a name alone cannot be planned)."), "TargetWithoutPosition", ErrorCategory.InvalidArgument, item);
            return null;
        }
        var settings = Campaign?.Defaults ?? new CampaignSettings();
        if (Epoch is not null) settings = settings with { Epochs = Epoch };
        if (ScienceSize is double s) settings = settings with { ScienceWidthArcsec = s, ScienceHeightArcsec = s };
        if (Cell is double c) settings = settings with { CellArcsec = c };
        return new CampaignTarget(target, settings);
    }

    private void Plan(CampaignTarget target, object errorTarget)
    {
        if (!_seen.Add(target.Name))
        {
            WriteItemError(new ArgumentException($"Target '{target.Name}' was given twice; it is planned once."), "DuplicateTarget", ErrorCategory.InvalidArgument, errorTarget);
            return;
        }
        if (++_targets % 1000 == 0)
            WriteProgress(new ProgressRecord(ProgressId, "Planning campaign", $"{_targets} targets"));
        IReadOnlyList<CampaignPlanEntry> rows;
        try { rows = _planner!.PlanTarget(target); }
        catch (OutsideSurveyException ex)
        {
            WriteItemError(ex, "PositionOutsideSurvey", ErrorCategory.InvalidArgument, errorTarget);
            return;
        }
        foreach (var row in rows)
        {
            if (_downloads is not null) _downloads.Add(row);
            else WriteObject(row);
        }
        if (_online is not null) foreach (var w in _online.DrainWarnings()) WriteWarning(w);
    }
}
