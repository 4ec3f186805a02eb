using Xunit.Sdk;

namespace VlassPS.Tests.Pester;

/// <summary>
/// The bridge from real Pester to xUnit: a failing Should fails its xUnit case, a passing one passes, a skipped
/// one is an xUnit skip, and a failing BeforeAll fails its Its. The fixture names every It with the outcome it
/// must have; each row goes through the same PesterRow.Report the test cases use.
/// </summary>
public class PesterSelfTests
{
    private static readonly string Root = Path.Combine(TestPaths.RepoRoot, "tests", "pester-selftest");
    private static readonly string Fixture = Path.Combine(Root, "Outcomes.Tests.ps1");
    private static readonly Lazy<IReadOnlyList<PesterRow>> Rows = new(() => PesterHost.RunFileIsolated(Fixture, Root));

    private static string Outcome(PesterRow row)
    {
        try { row.Report(); return "Passed"; }
        catch (Xunit.SkipException) { return "Skipped"; }
        catch (FailException) { return "Failed"; }
    }

    [Fact]
    public void Every_It_has_the_xUnit_outcome_its_name_announces()
    {
        var rows = Rows.Value;
        Assert.True(rows.Count == 16, $"expected 16 Its, got {rows.Count}: {string.Join(", ", rows.Select(r => r.Name))}");
        foreach (var row in rows)
        {
            string it = row.Name.Split(" › ")[^1];
            string expected = it.StartsWith("passes:", StringComparison.Ordinal) ? "Passed"
                : it.StartsWith("fails:", StringComparison.Ordinal) ? "Failed"
                : it.StartsWith("skipped:", StringComparison.Ordinal) ? "Skipped" : "?";
            Assert.True(expected == Outcome(row), $"{row.DisplayName}: expected {expected}, got {Outcome(row)} (Pester: {row.Result}). {row.Message}");
        }
    }

    [Fact]
    public void A_failing_Should_fails_with_what_was_expected_and_where()
    {
        var row = Rows.Value.Single(r => r.Name == "Should › fails: a failing Should");
        var ex = Assert.Throws<FailException>(row.Report);
        Assert.Contains("Expected 6, but got 5.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Outcomes.Tests.ps1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_BeforeAll_fails_each_It_with_the_setup_error()
    {
        var rows = Rows.Value.Where(r => r.Name.StartsWith("A failing BeforeAll", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
            Assert.Contains("setup failed", Assert.Throws<FailException>(row.Report).Message, StringComparison.Ordinal);
    }

    private static string SkipReason(string itEndsWith)
        => Assert.Throws<Xunit.SkipException>(Rows.Value.Single(r => r.Name.EndsWith(itEndsWith, StringComparison.Ordinal)).Report).Message;

    [Fact]
    public void A_skip_carries_its_reason_and_ForEach_names_are_expanded()
    {
        // Set-ItResult -Skipped -Because: Pester's reason and where it was called, and nothing else (no stack trace).
        string because = SkipReason("gives the reason");
        Assert.Matches(@"^Skipped: the oracle is missing \(Outcomes\.Tests\.ps1:\d+\)$", because);
        // -Skip has no reason in Pester 5: the skip says where it was set, on the It or on an enclosing block.
        Assert.Matches(@"^Skipped: the It has -Skip \(Outcomes\.Tests\.ps1:\d+\)", SkipReason("skipped: -Skip"));
        Assert.Matches(@"^Skipped: 'a skipped Context' has -Skip \(Outcomes\.Tests\.ps1:\d+\)", SkipReason("inside a Context with -Skip"));
        // The oracle policy's skip: the problem and the install line.
        string oracle = SkipReason("the problem and the install line");
        Assert.Contains("oracle missing: /nonexistent/python3 not found. Install: sudo apt-get install python3", oracle, StringComparison.Ordinal);
        var names = Rows.Value.Select(r => r.Name).ToList();
        Assert.Contains("Data-driven › passes: -ForEach item 1", names);
        Assert.Contains("Data-driven › passes: -ForEach item 2", names);
    }

    [Fact]
    public void Discovery_names_cases_by_Describe_Context_It_path_with_ForEach_data_filled_in()
    {
        var cases = PesterHost.Discover(new[] { Fixture }, Root);
        Assert.Equal(Rows.Value.Select(r => r.Key), cases.Select(c => c.Key));
        Assert.Contains(cases, c => c.DisplayName == "Outcomes.Tests.ps1 › Data-driven › passes: -ForEach item 2");
        Assert.Equal(cases.Count, cases.Select(c => c.Key).Distinct().Count());
    }
}
