using System.Diagnostics;

namespace VlassPS.Tests.Hosting;

/// <summary>
/// Cluster nodes: `dotnet publish src/VlassPS.Host` gives a framework-dependent folder (vlassps + the module under
/// Modules/VlassPS) that runs with the .NET runtime alone, from any folder, with no repository and no VLASSPS_MODULE.
/// </summary>
public class PublishTests
{
    [Fact]
    public void Published_host_runs_the_module_from_its_own_folder()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string dir = Path.Combine(Path.GetTempPath(), "vlassps-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            // --no-build: publish what the test run already built (a second build would rewrite output/ under other tests).
            var (code, stdout, stderr) = Run("dotnet", TestPaths.RepoRoot, "publish", Path.Combine("src", "VlassPS.Host"), "-c", configuration, "--no-build", "-o", dir);
            Assert.True(code == 0, $"dotnet publish failed ({code}): {stdout}{stderr}");
            Assert.True(File.Exists(Path.Combine(dir, "Modules", "VlassPS", "0.1.0", "VlassPS.psd1")), "the module is not in the published folder");

            // Run from an unrelated folder: only the published folder and `dotnet` (the runtime) are used.
            var (rc, output, errors) = Run("dotnet", Path.GetTempPath(), Path.Combine(dir, "vlassps.dll"), "-Command",
                "(Get-VlassTile -Ra 121.98974 -Dec 4.54293).Name; (Get-Module VlassPS).ModuleBase");
            Assert.True(rc == 0, $"published vlassps failed ({rc}): {output}{errors}");
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal("T12t13", lines[0]);
            Assert.StartsWith(Path.Combine(dir, "Modules", "VlassPS"), lines[1]);
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static (int, string, string) Run(string exe, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("VLASSPS_MODULE");
        psi.Environment.Remove("PSModulePath");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(600_000)) { p.Kill(true); Assert.Fail($"{exe} {string.Join(' ', args)} timed out"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
