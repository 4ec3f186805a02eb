using Xunit.Abstractions;

namespace VlassPS.Tests.Pester;

/// <summary>
/// Every It of tests/pester/**/*.Tests.ps1 as its own xUnit case, run against the BUILT module in output/.
/// </summary>
public class PesterTests
{
    private readonly ITestOutputHelper _output;

    public PesterTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Cases()
    {
        string root = Path.Combine(TestPaths.RepoRoot, "tests", "pester");
        return Directory.GetFiles(root, "*.Tests.ps1", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(PesterDiscovery.Discover)
            .Select(c => new object[] { c.DisplayName, c.File, c.Line });
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void It(string test, string file, int line)
    {
        var run = PesterRunner.RunFile(Path.Combine(TestPaths.RepoRoot, "tests", "pester", file));
        if (run.FileError is not null) Assert.Fail($"{test}: the file failed to run: {run.FileError}");
        var mine = run.Results.Where(r => r.Id == $"{file}:{line}").ToList();
        Assert.True(mine.Count > 0, $"{test}: the It block did not run (is it inside a Describe?). Errors: {string.Join(Environment.NewLine, run.Errors)}");
        foreach (var r in mine) _output.WriteLine($"{r.Result,-7} {r.Path} ({r.Milliseconds:0} ms)");
        var failed = mine.Where(r => r.Result == "Failed").ToList();
        if (failed.Count > 0)
            Assert.Fail(string.Join(Environment.NewLine + Environment.NewLine, failed.Select(f => $"{f.Path}{Environment.NewLine}{f.Message}")));
        Skip.If(mine.All(r => r.Result == "Skipped"), $"{test}: skipped in the test file.");
    }
}
