using System.Text;
using VlassPS.Core.Seip;
using VlassPS.Core.Workspace;

namespace VlassPS.Tests.Seip;

/// <summary>
/// Golden files for the memo's targets (tests/fixtures/seip/golden/&lt;case&gt;/...). Regenerate after a
/// deliberate change with VLASSPS_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public class WorkspaceGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var d = new TheoryData<string>();
        foreach (var (name, _) in WorkspaceCases.All()) d.Add(name);
        return d;
    }

    private static ImagingWorkspacePlan Plan(string name)
        => ImagingWorkspacePlan.Create(WorkspaceCases.All().Single(c => c.Case == name).Spec, WorkspaceCases.Version);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Files_match_the_golden_copies(string name)
    {
        var plan = Plan(name);
        string dir = SeipTestSupport.Fixture(Path.Combine("golden", name));
        if (Environment.GetEnvironmentVariable("VLASSPS_UPDATE_GOLDEN") == "1")
        {
            // Update mode writes the golden copies and never passes: review the diff, then run without it.
            var changed = new List<string>();
            foreach (var (rel, content) in plan.Files)
            {
                string target = Path.Combine(dir, rel);
                if (File.Exists(target) && File.ReadAllText(target) == content) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content, new UTF8Encoding(false));
                changed.Add(rel);
            }
            Assert.Fail($"VLASSPS_UPDATE_GOLDEN=1 wrote {changed.Count} changed golden file(s) for {name} ({string.Join(", ", changed)}); review the diff and rerun without it.");
        }
        foreach (var (rel, content) in plan.Files)
        {
            string file = Path.Combine(dir, rel);
            Assert.True(File.Exists(file), $"missing golden file {file} (run with VLASSPS_UPDATE_GOLDEN=1, review the diff)");
            Assert.Equal(File.ReadAllText(file), content);
        }
    }

    [Fact]
    public void J0807_at_500_arcsec_images_7200_pixels()
    {
        var plan = Plan("J0807_2023.1.1.8_slurm");
        Assert.Equal(new[] { 7200, 7200 }, plan.ParameterList.Imsize);
        Assert.Equal("VLASS_SE_J0807_0432", plan.ParameterList.ImageName);
        Assert.Equal("J2000 08:07:57.5376 +04.32.34.548", plan.ParameterList.PhaseCenter);
        Assert.Equal("imsubimage", plan.ScienceCutoutName);
        Assert.Null(plan.ParameterList.CutoutImsize);
        Assert.Contains("VLASSPS_SCIENCE_REGION = 'centerbox[[121.98974deg, 4.54293deg], [500.0arcsec, 500.0arcsec]]'", plan.Files["working/command_script.py"]);
        Assert.Equal(TimeSpan.FromHours(11), plan.WallTime);
        Assert.Contains("#SBATCH --time=0-11:00:00\n", plan.Files["working/run_SE.J0807+0432.sh"]);
        Assert.Contains("#SBATCH --mem=256G\n", plan.Files["working/run_SE.J0807+0432.sh"]);
        Assert.Contains("xvfb-run -a -n \"$xvfb_from\" /home/casa/packages/pipeline/casa-6.5.4-9-pipeline-2023.1.1.8/bin/mpicasa -n 4 /home/casa/packages/pipeline/casa-6.5.4-9-pipeline-2023.1.1.8/bin/casa --pipeline --nogui --nologger -c command_script.py\n",
            plan.Files["working/run_SE.J0807+0432.sh"]);
    }

    [Fact]
    public void Current_pipeline_keeps_the_memo_scheme_by_default_without_warnings()
    {
        // cutout_imsize would make the pipeline image only fields within 0.6"*834/2 = 250" instead of the memo's 1250".
        var plan = Plan("J0807_2025.1.1.61_slurm");
        Assert.Equal("imsubimage", plan.ScienceCutoutName);
        Assert.Null(plan.ParameterList.CutoutImsize);
        Assert.DoesNotContain("cutout_imsize", plan.Files["working/SEIP_parameter.list"]);
        Assert.Contains("imsubimage(", plan.Files["working/command_script.py"]);
        Assert.Empty(plan.Warnings);
        var box = PipelineFieldSearch.HalfWidths(plan.ParameterList, plan.Spec.Profile.Version)!.Value;
        Assert.True(box.X >= 1250 && box.Y >= 1250, $"pipeline field search ±{box.X}\" does not cover the memo's ±1250\"");
    }

    [Fact]
    public void Current_pipeline_gets_cutout_imsize_only_when_asked_and_says_what_it_costs()
    {
        var plan = ImagingWorkspacePlan.Create(With(WorkspaceCases.J0807("2025.1.1.61", BatchScheduler.Slurm), ScienceCutoutMethod.CutoutImsize), WorkspaceCases.Version);
        Assert.Equal("cutout_imsize", plan.ScienceCutoutName);
        Assert.Equal(new[] { 834, 834 }, plan.ParameterList.CutoutImsize);
        Assert.Contains("cutout_imsize=[834, 834]\n", plan.Files["working/SEIP_parameter.list"]);
        Assert.DoesNotContain("imsubimage", plan.Files["working/command_script.py"]);
        Assert.Contains(plan.Warnings, w => w.Contains("no R_g buffer"));
    }

    [Fact]
    public void Imsubimage_can_be_chosen_on_current_pipelines_and_cutout_imsize_is_refused_on_old_ones()
    {
        var s = WorkspaceCases.J0807("2025.1.1.61", BatchScheduler.Slurm);
        var sub = ImagingWorkspacePlan.Create(With(s, ScienceCutoutMethod.Imsubimage), WorkspaceCases.Version);
        Assert.Equal("imsubimage", sub.ScienceCutoutName);
        Assert.Null(sub.ParameterList.CutoutImsize);
        Assert.Contains("imsubimage(", sub.Files["working/command_script.py"]);
        var none = ImagingWorkspacePlan.Create(With(s, ScienceCutoutMethod.None), WorkspaceCases.Version);
        Assert.Equal("none", none.ScienceCutoutName);
        Assert.DoesNotContain("imsubimage(", none.Files["working/command_script.py"]);
        Assert.Null(none.ParameterList.CutoutImsize);
        var old = WorkspaceCases.J0807("2023.1.1.8", BatchScheduler.Slurm);
        Assert.Throws<ArgumentException>(() => ImagingWorkspacePlan.Create(With(old, ScienceCutoutMethod.CutoutImsize), WorkspaceCases.Version));
    }

    [Fact]
    public void Non_single_epoch_modes_are_flagged()
    {
        var s = WorkspaceCases.J0807("2023.1.1.8", BatchScheduler.Slurm);
        var list = s.ParameterList.Clone();
        list.ImagingMode = ImagingModes.QuickLook;
        var plan = ImagingWorkspacePlan.Create(new ImagingWorkspaceSpec
        {
            Name = s.Name, Root = s.Root, ParameterList = list, MeasurementSets = s.MeasurementSets, Profile = s.Profile, Casa = s.Casa,
        }, WorkspaceCases.Version);
        Assert.Contains(plan.Warnings, w => w.Contains("not a single-epoch mode"));
    }

    private static ImagingWorkspaceSpec With(ImagingWorkspaceSpec s, ScienceCutoutMethod m) => new()
    {
        Name = s.Name, Root = s.Root, ParameterList = s.ParameterList, MeasurementSets = s.MeasurementSets, Profile = s.Profile,
        Casa = s.Casa, Scheduler = s.Scheduler, Resources = s.Resources, ScienceSizeArcsec = s.ScienceSizeArcsec, CutoutMethod = m,
    };

    [Fact]
    public void No_task_call_uses_pipelinemode()
    {
        foreach (var (_, spec) in WorkspaceCases.All())
            Assert.DoesNotContain("pipelinemode", ImagingWorkspacePlan.Create(spec, WorkspaceCases.Version).Files["working/command_script.py"]);
    }

    [Fact]
    public void Older_pipelines_refuse_several_measurement_sets()
    {
        var s = WorkspaceCases.J0807("2023.1.1.8", BatchScheduler.Slurm);
        var two = new ImagingWorkspaceSpec
        {
            Name = s.Name, Root = s.Root, ParameterList = s.ParameterList, Casa = s.Casa, Profile = s.Profile,
            MeasurementSets = new[] { "/a.ms", "/b.ms" },
        };
        var ex = Assert.Throws<ArgumentException>(() => ImagingWorkspacePlan.Create(two, "0"));
        Assert.Contains("2026.1.0.0", ex.Message);
        var newer = new ImagingWorkspaceSpec
        {
            Name = s.Name, Root = s.Root, ParameterList = s.ParameterList, Casa = s.Casa, Profile = PipelineProfile.For(new PipelineVersion(2026, 1, 0, 3)),
            MeasurementSets = new[] { "/a.ms", "/b.ms" },
        };
        Assert.Contains("VLASSPS_VIS = ['/a.ms', '/b.ms']", ImagingWorkspacePlan.Create(newer, "0").Files["working/command_script.py"]);
    }

    [Theory]
    [InlineData(7200, 11)]
    [InlineData(12500, 55)]
    [InlineData(2000, 6)]
    public void Wall_time_follows_the_memo_table(int imsize, int hours)
        => Assert.Equal(TimeSpan.FromHours(hours), RunTimeEstimate.Request(imsize, imsize));

    [Fact]
    public void Directive_values_are_validated_not_escaped()
    {
        var r = new BatchResources { Partition = "batch\n#SBATCH --uid=0" };
        Assert.Throws<ArgumentException>(() => r.Validate(BatchScheduler.Slurm));
        Assert.Throws<ArgumentException>(() => new BatchResources { Account = "a b" }.Validate(BatchScheduler.Pbs));
        Assert.Throws<ArgumentException>(() => new BatchResources { MailUser = "x@y.org -o /etc/passwd" }.Validate(BatchScheduler.Slurm));
        Assert.Throws<ArgumentException>(() => new BatchResources { MailType = "END;id" }.Validate(BatchScheduler.Slurm));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchResources { Cores = 0 }.Validate(BatchScheduler.Local));
    }

    [Theory]
    [InlineData("J0807+0432", "J0807+0432")]
    [InlineData("my target's field", "my_target_s_field")]
    [InlineData("../../etc", "etc")]
    [InlineData("$(touch canary)", "touch_canary")]
    [InlineData("caf\u00e9\nline", "cafe_line")]
    [InlineData("---", "workspace")]
    public void Names_are_sanitised(string name, string safe) => Assert.Equal(safe, SafeName.From(name));

    [Fact]
    public void Casa_location_precedence()
    {
        var p = PipelineProfile.For(PipelineVersion.Memo2023);
        Assert.Equal("/x/bin/casa", CasaLocation.Resolve("/x", "/y", p).Casa);
        Assert.Equal("/y/bin/mpicasa", CasaLocation.Resolve(null, "/y", p).MpiCasa);
        Assert.Equal("/home/casa/packages/pipeline/casa-6.5.4-9-pipeline-2023.1.1.8/bin/casa", CasaLocation.Resolve(null, null, p).Casa);
        Assert.Equal("casa", CasaLocation.Resolve(null, null, PipelineProfile.Default).Casa);
        Assert.Equal("/opt/bin/casa", CasaLocation.FromPath("/opt/bin/casa", "x").Casa);
        Assert.Equal("/opt/bin/mpicasa", CasaLocation.FromPath("/opt/bin/casa", "x").MpiCasa);
    }

    [Fact]
    public void Casa_location_from_the_settings_resolver_keeps_where_the_value_came_from()
    {
        var p = PipelineProfile.For(PipelineVersion.Memo2023);
        var env = new VlassPS.Core.Configuration.ResolvedSetting("CasaPath", "/e", VlassPS.Core.Configuration.SettingSource.Environment);
        var none = new VlassPS.Core.Configuration.ResolvedSetting("CasaPath", null, VlassPS.Core.Configuration.SettingSource.Default);
        Assert.Equal(("/e/bin/casa", "Environment"), (CasaLocation.FromSetting(null, env, p).Casa, CasaLocation.FromSetting(null, env, p).Source));
        Assert.Equal(("/x/bin/casa", "Parameter"), (CasaLocation.FromSetting("/x", env, p).Casa, CasaLocation.FromSetting("/x", env, p).Source));
        Assert.Equal("Profile", CasaLocation.FromSetting(null, none, p).Source);
        // The resolver reads $VLASSPS_CASA; the location itself does not (one place for the environment).
        var fromFile = new VlassPS.Core.Configuration.VlassSettings(new VlassPS.Core.Configuration.VlassConfiguration { CasaPath = "/f" }, n => n == CasaLocation.EnvironmentVariable ? "/e" : null);
        Assert.Equal("/e/bin/casa", CasaLocation.FromSetting(null, fromFile.Resolve("CasaPath", null), p).Casa);
    }
}
