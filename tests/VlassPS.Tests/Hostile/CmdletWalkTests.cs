using System.Diagnostics;
using System.Text.Json;
using VlassPS.Core.Errors;
using Xunit.Abstractions;

namespace VlassPS.Tests.Hostile;

/// <summary>
/// Issue 13 §7: every exported cmdlet (enumerated with Get-Command -Module VlassPS, so cmdlets added later are
/// covered) called with $null, empty, huge strings, NaN/∞, negative and huge numbers, missing, directory, FIFO
/// and device paths, one parameter at a time and through the pipeline. Every error must carry a VlassPS id
/// from <see cref="VlassErrors"/> (or be the engine's own parameter-binding error) with a category other than
/// NotSpecified; no call may take longer than the per-call timeout; the process must not crash.
/// The walk runs in real pwsh in a child process whose VlassPS folders and HOME are a sandbox.
/// </summary>
public class CmdletWalkTests
{
    private readonly ITestOutputHelper _output;

    public CmdletWalkTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Every_exported_cmdlet_reports_hostile_input_as_typed_errors_within_seconds()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs and /dev devices are Unix-only");
        var pwsh = PwshLocator.Require();
        var sandbox = Path.Combine(Path.GetTempPath(), "vlassps-walk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(sandbox, "home"));
        try
        {
            var ids = Path.Combine(sandbox, "error-ids.txt");
            File.WriteAllLines(ids, VlassErrors.All.Select(e => e.Id));
            var timeout = Environment.GetEnvironmentVariable("VLASSPS_WALK_TIMEOUT") is { Length: > 0 } t ? t : "5";
            var psi = new ProcessStartInfo(pwsh!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = sandbox,
            };
            foreach (var a in new[]
            {
                "-NoProfile", "-NonInteractive", "-File", Path.Combine(TestPaths.RepoRoot, "tests", "hostile", "Invoke-HostileWalk.ps1"),
                "-ModuleManifest", TestPaths.ModuleManifest, "-Sandbox", sandbox, "-ErrorIdFile", ids,
                "-FixtureRoot", Path.Combine(TestPaths.RepoRoot, "tests", "fixtures"), "-SummaryTable", TestPaths.SummaryTable,
                "-TimeoutSec", timeout,
            }) psi.ArgumentList.Add(a);
            psi.Environment["HOME"] = Path.Combine(sandbox, "home");
            psi.Environment["VLASSPS_CONFIG"] = Path.Combine(sandbox, "config.yml");
            psi.Environment["VLASSPS_DATA"] = Path.Combine(sandbox, "data");
            psi.Environment["VLASSPS_CACHE"] = Path.Combine(sandbox, "cache");
            psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(sandbox, "home", ".config");

            var fixtures = Path.Combine(TestPaths.RepoRoot, "tests", "fixtures");
            var before = Snapshot(fixtures);
            using var process = Process.Start(psi)!;
            var stderrTask = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            bool exited = process.WaitForExit(TimeSpan.FromMinutes(20));
            if (!exited) process.Kill(entireProcessTree: true);
            var stderr = stderrTask.Result;
            Assert.True(exited, "the walk did not finish within 20 minutes");
            Assert.True(process.ExitCode == 0, $"the walk process ended with {process.ExitCode} (a crash?):\n{stderr}\n{Tail(stdout)}");

            Assert.Equal(before, Snapshot(fixtures));   // no call may write into the committed fixtures
            var json = stdout.Split('\n').Last(l => l.TrimStart().StartsWith('{'));
            using var doc = JsonDocument.Parse(json);
            var stats = doc.RootElement.GetProperty("stats");
            _output.WriteLine($"walk: {stats}");
            foreach (var r in doc.RootElement.GetProperty("raw").EnumerateArray()) _output.WriteLine($"RAW {r}");
            foreach (var h in doc.RootElement.GetProperty("hangs").EnumerateArray()) _output.WriteLine($"HANG {h}");
            Assert.True(stats.GetProperty("cmdlets").GetInt32() >= 19, "fewer cmdlets than exported today");
            Assert.True(stats.GetProperty("inputs").GetInt32() > 1000);
            Assert.Equal(0, stats.GetProperty("hangs").GetInt32());
            Assert.Equal(0, stats.GetProperty("rawErrors").GetInt32());
        }
        finally
        {
            try { Directory.Delete(sandbox, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Snapshot(string dir)
        => string.Join('\n', Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{f} {new FileInfo(f).Length}"));

    private static string Tail(string s) => s.Length <= 4000 ? s : s[^4000..];
}
