using VlassPS.Core.Archive;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Casa;
using VlassPS.Core.Catalog;
using VlassPS.Core.Sky;

namespace VlassPS.Tests.Campaigns;

/// <summary>
/// How a campaign pass tells which execution block (so which epoch and targets) an MS in the data directory holds:
/// plan rows from the real survey table, MSs written by python-casacore with the metadata real archive MSs carry.
/// </summary>
public sealed class CampaignDataIndexTests
{
    private const string Eb0807 = "VLASS2.1.sb38561374.eb38565040.59070.62333981482";
    private const string Eb0925 = "VLASS2.1.sb38600000.eb38600001.59125.5";
    private static readonly SurveyCatalog Catalog = SurveyCatalogLoader.FromFile(TestPaths.SummaryTable);

    private sealed class MapLookup(Dictionary<(string, string), string[]> map) : IExecutionBlockLookup
    {
        public IReadOnlyList<ExecutionBlock>? Find(string tile, string epoch)
            => map.TryGetValue((tile, epoch), out var names)
                ? names.Select(n => new ExecutionBlock(ExecutionBlockName.Parse(n), tile, false, ["img"], null, new ArchiveOptions().ArchiveSearchUrl(n))).ToList()
                : null;
    }

    private static CampaignDataIndex Index()
    {
        var planner = new CampaignPlanner(Catalog, new MapLookup(new()
        {
            [("T12t13", "VLASS2.1")] = [Eb0807],
            [("T12t13", "VLASS1.1")] = ["VLASS1.1.sb34647560.eb34700758.58075.26425702547"],
            [("T14t15", "VLASS2.1")] = [Eb0925],
        }));
        CampaignTarget T(string name, string pos) => new(SkyPosition.Parse(pos).WithTarget(name, null).Target,
            new CampaignSettings { Epochs = ["VLASS1.1", "VLASS2.1", "VLASS3.2"] });
        return new CampaignDataIndex(planner.PlanEntries([
            T("J0807+0432", "08:07:57.538 +04:32:34.55"), T("J0808+0435", "08:08:05 +04:35:00"), T("J0925+1444", "09:25:07.271 +14:44:25.74")]).ToList());
    }

    [Fact]
    public void An_MS_named_after_a_plan_EB_is_that_EB_with_the_targets_it_serves()
    {
        var m = Index().Identify(Eb0807 + ".ms", () => throw new InvalidOperationException("the name suffices; metadata must not be read"));
        Assert.Equal(MeasurementSetIdentitySource.Plan, m.Source);
        Assert.Equal("VLASS2.1", m.Epoch);
        Assert.Equal(Eb0807, m.ExecutionBlock);
        Assert.Equal(["J0807+0432", "J0808+0435"], m.PlannedTargets);
    }

    [Fact]
    public void Otherwise_the_MS_own_tables_decide_then_its_folder_name()
    {
        var index = Index();
        // An EB name inside the MS (OBSERVATION.SCHEDULE / HISTORY).
        var byName = index.Identify("download-1.ms", () => new MeasurementSetIdentity { ExecutionBlockNames = [Eb0925], Project = "VLASS2.1" });
        Assert.Equal((MeasurementSetIdentitySource.Plan, Eb0925), (byName.Source, byName.ExecutionBlock));
        Assert.Equal(["J0925+1444"], byName.PlannedTargets);
        // Project and a start 10 minutes after the EB's MJD; a start a day later matches no EB.
        var byTime = index.Identify("download-2.ms", () => new MeasurementSetIdentity { Project = "VLASS2.1", StartMjd = 59125.5 + 10.0 / 1440 });
        Assert.Equal((MeasurementSetIdentitySource.Plan, Eb0925), (byTime.Source, byTime.ExecutionBlock));
        var late = index.Identify("download-3.ms", () => new MeasurementSetIdentity { Project = "VLASS2.1", StartMjd = 59126.5 });
        Assert.Equal((MeasurementSetIdentitySource.Metadata, "VLASS2.1", (string?)null), (late.Source, late.Epoch, late.ExecutionBlock));
        Assert.Null(late.PlannedTargets);
        // An EB folder name the plan does not need gives that EB's epoch; anything else is the folder name itself.
        var other = index.Identify("VLASS3.1.sb1.eb2.60000.5.ms", () => new MeasurementSetIdentity());
        Assert.Equal((MeasurementSetIdentitySource.FolderName, "VLASS3.1"), (other.Source, other.Epoch));
        var plain = index.Identify("VLASS2.1_T10t13.ms", () => null);
        Assert.Equal((MeasurementSetIdentitySource.FolderName, "VLASS2.1_T10t13"), (plain.Source, plain.Epoch));
    }

    [Fact]
    public void Plan_rows_without_a_unit_say_what_to_download_or_why_nothing_will_come()
    {
        var index = Index();
        var present = new HashSet<string>([Eb0807]);
        var rows = index.Awaiting(present, (t, e) => t == "J0807+0432" && e == "VLASS2.1").ToList();
        string Of(string t, string e) => rows.Single(r => r.Target == t && r.Epoch == e).State;
        Assert.DoesNotContain(rows, r => r.Target == "J0807+0432" && r.Epoch == "VLASS2.1");        // it has a unit
        Assert.Equal(AwaitingUnit.DataUnusable, Of("J0808+0435", "VLASS2.1"));                      // its MS is there, no unit
        Assert.Equal(AwaitingUnit.AwaitingData, Of("J0925+1444", "VLASS2.1"));
        var wait = rows.Single(r => r.Target == "J0925+1444" && r.Epoch == "VLASS2.1");
        Assert.Equal([Eb0925 + ".ms"], wait.ExecutionBlocks);
        Assert.Contains("eb38600001", Assert.Single(wait.Links));
        Assert.Equal(AwaitingUnit.AwaitingData, Of("J0807+0432", "VLASS1.1"));
        Assert.Equal(AwaitingUnit.Unresolved, Of("J0925+1444", "VLASS1.1"));
        Assert.Equal(AwaitingUnit.NotObserved, Of("J0807+0432", "VLASS3.2"));
    }

    [SkippableFact]
    public void The_identity_is_read_from_OBSERVATION_and_HISTORY_as_python_casacore_wrote_them()
    {
        Oracle.RequirePython("casacore.tables");
        string dir = Path.Combine(Path.GetTempPath(), "vlassps-msid-" + Guid.NewGuid().ToString("N"));
        try
        {
            string ms = Path.Combine(dir, "download.ms");
            var made = Oracle.Run([Path.Combine(TestPaths.RepoRoot, "tests", "oracles", "casa", "make_recipe_ms.py"), ms, "141.28030", "14.74048", "0.1"], "");
            Assert.True(made.ExitCode == 0, made.Stderr);
            // What importasdm leaves in an archive MS: the SDM (EB) name in HISTORY, UIDs in SCHEDULE, the project.
            var edit = Oracle.Run(["-c", """
                import sys, casacore.tables as pt
                ms = sys.argv[1]
                o = pt.table(ms + '/OBSERVATION', readonly=False, ack=False)
                o.putcell('SCHEDULE', 0, ['SchedulingBlock uid://evla/schedblock/abc', 'ExecBlock uid://evla/execblock/def'])
                o.putcell('PROJECT', 0, 'VLASS2.1')
                o.putcell('TIME_RANGE', 0, [59125.5 * 86400 + 60, 59125.5 * 86400 + 3660])
                o.close()
                h = pt.table(ms + '/HISTORY', readonly=False, ack=False)
                h.addrows(2)
                h.putcell('MESSAGE', 0, 'taskname=importasdm')
                h.putcell('MESSAGE', 1, "asdm = 'VLASS2.1.sb38600000.eb38600001.59125.5'")
                h.close()
                """.Replace("\n                ", "\n").Trim(), ms], "");
            Assert.True(edit.ExitCode == 0, edit.Stderr);
            var id = MeasurementSetIdentity.Read(MeasurementSetInfo.Read(ms));
            Assert.Equal([Eb0925], id.ExecutionBlockNames);
            Assert.Equal("VLASS2.1", id.ProjectEpoch);
            Assert.Equal(59125.5 + 60.0 / 86400, id.StartMjd!.Value, 1e-7);
            var m = Index().Identify("download.ms", () => id);
            Assert.Equal((MeasurementSetIdentitySource.Plan, "VLASS2.1", Eb0925), (m.Source, m.Epoch, m.ExecutionBlock));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
