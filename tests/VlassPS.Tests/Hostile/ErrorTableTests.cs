using System.Text.RegularExpressions;
using VlassPS.Core.Errors;

namespace VlassPS.Tests.Hostile;

/// <summary>Issue 10 §4 "Errors": one table of error ids and categories, used by every cmdlet.</summary>
public class ErrorTableTests
{
    private static IEnumerable<string> Sources(string folder)
        => Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "src", folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    [Fact]
    public void Ids_are_unique_and_categorised()
    {
        Assert.Equal(VlassErrors.All.Count, VlassErrors.All.Select(e => e.Id).Distinct().Count());
        Assert.All(VlassErrors.All, e => Assert.Matches("^[A-Z][A-Za-z0-9]+$", e.Id));
        // Every kind maps to a PowerShell ErrorCategory of the same name (the module maps by name).
        Assert.All(Enum.GetNames<VlassErrorKind>(), k => Assert.True(Enum.TryParse<System.Management.Automation.ErrorCategory>(k, out _), k));
    }

    [Fact]
    public void Every_literal_error_id_the_cmdlets_report_is_in_the_table_with_its_category()
    {
        // WriteItemError/ThrowInvocationError/CreateErrorRecord(ex, "Id", ErrorCategory.X, target)
        var call = new Regex(@"(?:WriteItemError|ThrowInvocationError|CreateErrorRecord)\([^;]*?""(?<id>[A-Z][A-Za-z0-9]+)"",\s*ErrorCategory\.(?<cat>[A-Za-z]+)", RegexOptions.Singleline);
        var problems = new List<string>();
        int seen = 0;
        foreach (var file in Sources("VlassPS"))
        {
            foreach (Match m in call.Matches(File.ReadAllText(file)))
            {
                seen++;
                var id = m.Groups["id"].Value;
                var entry = VlassErrors.Find(id);
                if (entry is null) problems.Add($"{Path.GetFileName(file)}: {id} is not in VlassErrors");
                else if (entry.Kind.ToString() != m.Groups["cat"].Value)
                    problems.Add($"{Path.GetFileName(file)}: {id} reported as {m.Groups["cat"].Value}, the table says {entry.Kind}");
            }
        }
        Assert.True(seen > 40, $"only {seen} error calls found: the pattern no longer matches the code");
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_error_severity_parameter_list_issue_is_in_the_table()
    {
        var issue = new Regex(@"(?:SeipIssueSeverity\.Error,\s*|\.Error\()""(?<id>Seip[A-Za-z0-9]+)""");
        var ids = Sources(Path.Combine("VlassPS.Core", "Seip")).SelectMany(f => issue.Matches(File.ReadAllText(f)).Select(m => m.Groups["id"].Value)).Distinct().ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.True(VlassErrors.Find(id) is not null, $"{id} is not in VlassErrors"));
    }
}
