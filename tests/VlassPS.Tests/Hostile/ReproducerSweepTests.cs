using System.Text.Json;
using VlassPS.Core.Errors;
using Xunit.Abstractions;

namespace VlassPS.Tests.Hostile;

/// <summary>
/// Issue 13 "Done when": every reproducer of sections 1–6 (tests/hostile/Invoke-ReproducerSweep.ps1), re-run in
/// real pwsh with hostile archive listings on loopback and the python-casacore MS variants. Counts go to the test
/// output; raw .NET exceptions, hangs, wrong results and data lost must all be 0, and the process must not crash.
/// </summary>
public sealed class ReproducerSweepTests : IClassFixture<HostileMsVariants>
{
    private readonly HostileMsVariants _ms;
    private readonly ITestOutputHelper _output;

    public ReproducerSweepTests(HostileMsVariants ms, ITestOutputHelper output)
    {
        _ms = ms;
        _output = output;
    }

    [SkippableFact]
    public void Every_issue_13_reproducer_gives_a_typed_error_or_a_correct_result_with_nothing_lost()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs and /dev devices are Unix-only");
        VlassPS.Tests.Casa.CasaTestEnvironment.RequireOracle();
        Assert.True(_ms.Problem is null, _ms.Problem);
        var sandbox = Path.Combine(Path.GetTempPath(), "vlassps-sweep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(sandbox, "home"));
        try
        {
            var ids = Path.Combine(sandbox, "error-ids.txt");
            File.WriteAllLines(ids, VlassErrors.All.Select(e => e.Id));
            var env = new Dictionary<string, string>
            {
                ["HOME"] = Path.Combine(sandbox, "home"),
                ["VLASSPS_CONFIG"] = Path.Combine(sandbox, "config.yml"),
                ["VLASSPS_DATA"] = Path.Combine(sandbox, "data"),
                ["VLASSPS_CACHE"] = Path.Combine(sandbox, "cache0"),
                ["XDG_CONFIG_HOME"] = Path.Combine(sandbox, "home", ".config"),
            };
            var r = ChildPwsh.Run(["-File", Path.Combine(TestPaths.RepoRoot, "tests", "hostile", "Invoke-ReproducerSweep.ps1"),
                "-ModuleManifest", TestPaths.ModuleManifest, "-Sandbox", sandbox, "-ErrorIdFile", ids,
                "-FixtureRoot", Path.Combine(TestPaths.RepoRoot, "tests", "fixtures"), "-SummaryTable", TestPaths.SummaryTable,
                "-HostileMsDir", _ms.Dir], TimeSpan.FromMinutes(15), env, workingDirectory: sandbox);
            Assert.True(r.ExitCode == 0, $"the sweep ended with {r.ExitCode} (a crash?):\n{r.Stderr}");
            using var doc = JsonDocument.Parse(r.Stdout.Trim().Split('\n')[^1]);
            var stats = doc.RootElement.GetProperty("stats");
            _output.WriteLine($"sweep: {stats}");
            _output.WriteLine($"by issue section: {doc.RootElement.GetProperty("sections")}");
            _output.WriteLine($"archive requests: {doc.RootElement.GetProperty("requests")}");
            foreach (var p in doc.RootElement.GetProperty("problems").EnumerateArray()) _output.WriteLine($"PROBLEM {p}");
            foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray()) _output.WriteLine($"{c}");
            Assert.True(stats.GetProperty("inputs").GetInt32() >= 80, "fewer reproducers than issue 13 lists");
            Assert.Equal(stats.GetProperty("inputs").GetInt32(), stats.GetProperty("typedErrors").GetInt32() + stats.GetProperty("correctResults").GetInt32());
            foreach (var zero in new[] { "rawExceptions", "hangs", "wrongResults", "dataLost", "crashes" })
                Assert.True(stats.GetProperty(zero).GetInt32() == 0, $"{zero}: {doc.RootElement.GetProperty("problems")}");
        }
        finally
        {
            try { Directory.Delete(sandbox, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
