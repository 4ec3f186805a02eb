namespace VlassPS.Tests.Pester;

/// <summary>
/// The shim itself: a failing Should must fail its It, a passing one must pass, and Pester's block and scope
/// semantics hold. The fixture names every It with the outcome it must have.
/// </summary>
public class ShimSelfTests
{
    private static readonly Lazy<FileRun> Run = new(() =>
        PesterRunner.Execute(Path.Combine(TestPaths.RepoRoot, "tests", "pester-selftest", "ShimSelfTest.Fixture.ps1")));

    [Fact]
    public void Every_It_has_the_outcome_its_name_announces()
    {
        var run = Run.Value;
        Assert.Null(run.FileError);
        Assert.True(run.Results.Count >= 40, $"only {run.Results.Count} results");
        foreach (var r in run.Results)
        {
            string name = r.Path.Split(" › ")[^1];
            string expected = name.StartsWith("passes:", StringComparison.Ordinal) ? "Passed"
                : name.StartsWith("fails:", StringComparison.Ordinal) ? "Failed"
                : name.StartsWith("skipped:", StringComparison.Ordinal) ? "Skipped" : "?";
            if (name.StartsWith("fails: -ForEach", StringComparison.Ordinal))
                expected = name.EndsWith("(1)", StringComparison.Ordinal) ? "Passed" : "Failed";
            Assert.True(expected == r.Result, $"{r.Path}: expected {expected}, got {r.Result}. {r.Message}");
        }
    }

    [Fact]
    public void A_failing_Should_reports_what_was_expected()
    {
        var r = Run.Value.Results.Single(x => x.Path.EndsWith("fails: -Be", StringComparison.Ordinal));
        Assert.Equal("Failed", r.Result);
        Assert.Contains("Expected 5 to be 6", r.Message, StringComparison.Ordinal);
        Assert.Contains("ShimSelfTest.Fixture.ps1", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForEach_expands_names_and_a_failed_BeforeAll_fails_its_Its()
    {
        var paths = Run.Value.Results.Select(r => r.Path).ToList();
        Assert.Contains(paths, p => p.EndsWith("with 1", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith("with 2", StringComparison.Ordinal));
        var setup = Run.Value.Results.Single(r => r.Path.StartsWith("A failing BeforeAll", StringComparison.Ordinal));
        Assert.Contains("setup failed", setup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discovery_names_cases_by_their_Describe_Context_It_path()
    {
        var cases = PesterDiscovery.Discover(Path.Combine(TestPaths.RepoRoot, "tests", "pester", "Foundation", "Get-VlassTile.Tests.ps1"));
        Assert.Contains(cases, c => c.DisplayName == "Foundation/Get-VlassTile.Tests.ps1 › Get-VlassTile › by position › finds T12t13 for J0807+0432 (Memo 20)");
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
    }
}
