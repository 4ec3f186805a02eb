using Xunit.Abstractions;

namespace VlassPS.Tests.Pester;

/// <summary>
/// Every It of tests/pester/**/*.Tests.ps1 as its own xUnit case, found by real Pester's discovery and run by
/// real Pester against the BUILT module in output/ (each file once; the cases read its cached results).
/// </summary>
public class PesterTests
{
    private readonly ITestOutputHelper _output;

    public PesterTests(ITestOutputHelper output) => _output = output;

    public static string Root => Path.Combine(TestPaths.RepoRoot, "tests", "pester");

    public static IEnumerable<object[]> Cases()
        => PesterHost.Discover(Directory.GetFiles(Root, "*.Tests.ps1", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal), Root)
            .Select(r => new object[] { r.DisplayName, r.File, r.Key });

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void It(string test, string file, string key)
    {
        var rows = PesterHost.RunFile(Path.Combine(Root, file), Root);
        var fileError = rows.FirstOrDefault(r => r.Key == "(file)#1");
        if (fileError is not null) Assert.Fail($"{test}: the file failed to run: {fileError.Message}");
        var mine = rows.SingleOrDefault(r => r.Key == key);
        Assert.True(mine is not null, $"{test}: Pester discovered this It but did not report it when running the file.");
        _output.WriteLine($"{mine!.Result,-7} {mine.DisplayName}");
        mine.Report();
    }
}
