using System.Management.Automation;
using VlassPS.Campaigns;
using VlassPS.Core.Campaigns;

namespace VlassPS.Commands;

/// <summary>
/// A campaign's state from its ledger (read-only; no scheduler query: run Invoke-VlassCampaign to refresh):
/// per-state counts, or with -Detail (or -Target) one row per target × epoch with its jobs, attempts and reasons.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VlassCampaign", DefaultParameterSetName = "Summary")]
[OutputType(typeof(CampaignSummary), ParameterSetName = new[] { "Summary" })]
[OutputType(typeof(CampaignUnitStatus), ParameterSetName = new[] { "Detail" })]
public sealed class GetVlassCampaignCommand : VlassCmdlet
{
    /// <summary>The campaign's work root (where .vlassps-campaign.db is).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string WorkRoot { get; set; } = "";

    /// <summary>Only these targets (wildcards allowed); implies per-target rows.</summary>
    [Parameter(ParameterSetName = "Detail")] [SupportsWildcards] public string[]? Target { get; set; }

    /// <summary>One row per target × epoch instead of the counts.</summary>
    [Parameter(ParameterSetName = "Detail")] public SwitchParameter Detail { get; set; }

    /// <summary>The retry limit (decides Retrying vs Failed); default: the one the last pass ran with.</summary>
    [Parameter] [ValidateRange(1, 100)] public int? MaxAttempts { get; set; }

    protected override void ProcessRecord()
    {
        string root = ResolvePath(WorkRoot);
        CampaignLedger? ledger;
        try { ledger = CampaignLedger.OpenReadOnly(root); }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            WriteItemError(ex, "CampaignLedgerUnreadable", ErrorCategory.ReadError, CampaignLedger.PathFor(root));
            return;
        }
        if (ledger is null)
        {
            WriteItemError(new FileNotFoundException($"'{root}' has no campaign ledger ({CampaignLedger.FileName}); run Invoke-VlassCampaign first.", CampaignLedger.PathFor(root)),
                "CampaignLedgerNotFound", ErrorCategory.ObjectNotFound, root);
            return;
        }
        using (ledger)
        {
            int max = MaxAttempts ?? ledger.MaxAttempts ?? 3;
            if (ParameterSetName == "Summary")
            {
                WriteObject(CampaignStatus.Summarize(ledger, busy: false, max));
                return;
            }
            var patterns = Target?.Select(t => new WildcardPattern(t, WildcardOptions.IgnoreCase)).ToList();
            foreach (var u in CampaignStatus.Units(ledger, max))
                if (patterns is null || patterns.Any(p => p.IsMatch(u.Target))) WriteObject(u);
        }
    }
}
