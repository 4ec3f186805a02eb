using VlassPS.Core.Geometry;
using VlassPS.Core.Seip;
using VlassPS.Core.Sky;
using VlassPS.Core.Workspace;

namespace VlassPS.Tests.Seip;

/// <summary>The memo's two targets as workspace specs (golden cases).</summary>
internal static class WorkspaceCases
{
    public const string Version = "0.1.0";

    public static ImagingWorkspaceSpec J0807(string profile, BatchScheduler scheduler, string root = "/lustre/user/vlass")
    {
        var version = PipelineVersion.Parse(profile);
        var center = new SkyPosition(121.98974, 4.54293, name: "J0807+0432");
        var geometry = ImageGeometry.Create(500, center: center);
        var list = SeipParameterListFactory.Create(center, geometry, version: version);
        return new ImagingWorkspaceSpec
        {
            Name = "J0807+0432",
            Root = root,
            ParameterList = list,
            MeasurementSets = new[] { root + "/ms/J0807+0432_split.ms" },
            Profile = PipelineProfile.For(version),
            Casa = CasaLocation.Resolve(null, null, PipelineProfile.For(version)),
            Scheduler = scheduler,
            Resources = new BatchResources { Partition = "batch", MailUser = "someone@example.org" },
            ScienceSizeArcsec = (geometry.ScienceWidthArcsec, geometry.ScienceHeightArcsec),
        };
    }

    public static ImagingWorkspaceSpec J0925(string profile, BatchScheduler scheduler, string root = "/lustre/user/vlass")
    {
        var version = PipelineVersion.Parse(profile);
        var center = SkyPosition.Parse("09:25:07.271 +14:44:25.74").WithName("J0925+1444");
        var geometry = ImageGeometry.Create(1000, center: center);
        var list = SeipParameterListFactory.Create(center, geometry, version: version);
        return new ImagingWorkspaceSpec
        {
            Name = "J0925+1444",
            Root = root,
            ParameterList = list,
            MeasurementSets = new[] { root + "/ms/J0925+1444_VLASS_split.ms" },
            Profile = PipelineProfile.For(version),
            Casa = CasaLocation.FromPath("/opt/casa/casa-6.5.4-9-pipeline-2023.1.1.8", "Parameter"),
            Scheduler = scheduler,
            Resources = new BatchResources { Cores = 17, MemoryGB = 128, WallTime = TimeSpan.FromHours(30), Account = "vlass" },
            ScienceSizeArcsec = (geometry.ScienceWidthArcsec, geometry.ScienceHeightArcsec),
        };
    }

    public static IEnumerable<(string Case, ImagingWorkspaceSpec Spec)> All()
    {
        yield return ("J0807_2022.1.1.5_slurm", J0807("2022.1.1.5", BatchScheduler.Slurm));
        yield return ("J0807_2023.1.1.8_slurm", J0807("2023.1.1.8", BatchScheduler.Slurm));
        yield return ("J0807_2025.1.1.61_slurm", J0807("2025.1.1.61", BatchScheduler.Slurm));
        yield return ("J0925_2023.1.1.8_pbs", J0925("2023.1.1.8", BatchScheduler.Pbs));
        yield return ("J0925_2025.1.1.61_local", J0925("2025.1.1.61", BatchScheduler.Local));
    }
}
