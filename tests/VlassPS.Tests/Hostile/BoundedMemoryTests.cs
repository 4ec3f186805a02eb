using System.Text.Json;

namespace VlassPS.Tests.Hostile;

/// <summary>
/// Issue 13 §5: `Get-VlassImage -Statistics` walks the image in bounded windows. A 384 MB sparse image (valid
/// header, two known pixels) read in its own pwsh must raise the process's peak resident set (VmHWM) by far less
/// than the file size (the whole-file map raised it by about the file size: 404 MB for this file), and give the
/// exact statistics. bench/hostile/statistics-memory.sh runs the same script on gigabyte images.
/// </summary>
public sealed class BoundedMemoryTests
{
    [SkippableFact]
    public void Statistics_of_a_large_image_keep_the_peak_resident_set_far_below_the_file_size()
    {
        Skip.IfNot(File.Exists("/proc/self/status"), "VmHWM is read from /proc/self/status (Linux)");
        var work = Path.Combine(Path.GetTempPath(), "vlassps-hwm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var r = ChildPwsh.Run(["-File", Path.Combine(TestPaths.RepoRoot, "tests", "hostile", "Measure-StatisticsMemory.ps1"),
                "-ModuleManifest", TestPaths.ModuleManifest, "-WorkDir", work, "-SizeMB", "384"], TimeSpan.FromMinutes(5));
            Assert.True(r.ExitCode == 0, r.Stderr);
            using var doc = JsonDocument.Parse(r.Stdout.Trim().Split('\n')[^1]);
            var m = doc.RootElement;
            long file = m.GetProperty("fileBytes").GetInt64(), growth = m.GetProperty("peakGrowthBytes").GetInt64();
            Assert.True(file > 400_000_000, $"the image is only {file} bytes");
            Assert.True(growth < file / 4, $"peak RSS grew by {growth / 1048576} MB reading a {file / 1048576} MB image");
            Assert.Equal(8192L * 12288, m.GetProperty("finite").GetInt64());
            Assert.Equal(-2.0, m.GetProperty("min").GetDouble());
            Assert.Equal((8190, 1), (m.GetProperty("minX").GetInt32(), m.GetProperty("minY").GetInt32()));
            Assert.Equal(7.5, m.GetProperty("max").GetDouble());
            Assert.Equal((5, 12285), (m.GetProperty("maxX").GetInt32(), m.GetProperty("maxY").GetInt32()));
            Assert.Equal(5.5, m.GetProperty("sum").GetDouble());
        }
        finally { Directory.Delete(work, true); }
    }
}
