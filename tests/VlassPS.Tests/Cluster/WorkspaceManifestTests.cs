using System.Security.Cryptography;
using VlassPS.Core.Workspace;

namespace VlassPS.Tests.Cluster;

/// <summary>vlassps.json: written with the workspace, hashes of what was written, stable on re-runs, loadable.</summary>
public sealed class WorkspaceManifestTests
{
    [Fact]
    public void Workspace_manifest_identifies_the_workspace_and_loads_back()
    {
        string root = Cluster.NewRoot("manifest");
        using var s = new JobSession();
        s.Run("param($r, $c) $null = New-TestWorkspace -Name 'J0807+0432' -Root $r -Scheduler Pbs -Casa $c", root, Cluster.FakeCasa);
        string dir = Path.Combine(root, "J0807+0432");
        string path = WorkspaceManifestStore.PathOf(dir);
        var m = WorkspaceManifestStore.Read(dir);
        Assert.Equal("J0807+0432", m.Name);
        Assert.Equal("Pbs", m.Scheduler);
        Assert.Equal("2025.1.1.61", m.PipelineVersion);
        Assert.Equal("J2000 08:07:57.5376 +04.32.34.548", m.PhaseCenter);
        Assert.Equal(new[] { Path.Combine(root, "J0807+0432_split.ms") }, m.MeasurementSets);
        Assert.Equal(3, m.Files.Count);
        foreach (var (rel, hash) in m.Files)
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, rel)))).ToLowerInvariant(), hash);
        Assert.Empty(m.Jobs);

        // An identical re-run leaves the manifest byte for byte alone.
        string before = File.ReadAllText(path);
        var stamp = File.GetLastWriteTimeUtc(path);
        Thread.Sleep(20);
        s.Run("param($r, $c) $null = New-TestWorkspace -Name 'J0807+0432' -Root $r -Scheduler Pbs -Casa $c", root, Cluster.FakeCasa);
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));

        var ws = ImagingWorkspace.Load(dir);
        Assert.Equal(BatchScheduler.Pbs, ws.Scheduler);
        Assert.Equal(Path.Combine(dir, "working", "run_SE.J0807+0432.sh"), ws.BatchScript);
        Assert.Equal("J2000 08:07:57.5376 +04.32.34.548", ws.ParameterList.PhaseCenter);
        Assert.StartsWith("qsub ", ws.SubmitCommand);
        Assert.Null(ws.Job);

        // Not a workspace / a damaged manifest: clear errors from the cmdlets.
        var ids = s.Run("param($r) Get-VlassImagingJob -Workspace $r -ErrorAction SilentlyContinue -ErrorVariable ev; $ev | ForEach-Object FullyQualifiedErrorId", root);
        Assert.StartsWith("WorkspaceNotFound,", ids.Single().ToString());
        File.WriteAllText(path, "{ not json");
        ids = s.Run("param($d) Get-VlassImagingJob -Workspace $d -ErrorAction SilentlyContinue -ErrorVariable ev; $ev | ForEach-Object FullyQualifiedErrorId", dir);
        Assert.StartsWith("WorkspaceManifestInvalid,", ids.Single().ToString());
    }
}
