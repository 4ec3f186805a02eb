using System.Management.Automation.Language;

namespace VlassPS.Tests.Pester;

/// <summary>
/// Finds the It blocks of a *.Tests.ps1 file from its syntax tree (no code runs), so that each It becomes
/// its own xUnit test case. An It is identified by file and line; its display name is its Describe/Context/It path.
/// </summary>
public static class PesterDiscovery
{
    private static readonly string[] BlockCommands = { "Describe", "Context" };

    public static IReadOnlyList<PesterCase> Discover(string file)
    {
        var ast = Parser.ParseFile(file, out _, out ParseError[] errors);
        string id = RelativeId(file);
        if (errors.Length > 0)
            return new[] { new PesterCase(id, 0, $"{id} › (parse error: {errors[0].Message} at line {errors[0].Extent.StartLineNumber})") };
        return ast.FindAll(a => a is CommandAst c && c.GetCommandName() == "It", searchNestedScriptBlocks: true)
            .Cast<CommandAst>()
            .Select(it => new PesterCase(id, it.Extent.StartLineNumber, $"{id} › {string.Join(" › ", PathOf(it))}"))
            .ToList();
    }

    public static string RelativeId(string file)
        => Path.GetRelativePath(Path.Combine(TestPaths.RepoRoot, "tests", "pester"), file).Replace('\\', '/');

    private static IEnumerable<string> PathOf(CommandAst it)
    {
        var names = new List<string> { FirstName(it) };
        for (Ast? a = it.Parent; a is not null; a = a.Parent)
            if (a is CommandAst c && BlockCommands.Contains(c.GetCommandName()))
                names.Insert(0, FirstName(c));
        return names;
    }

    private static string FirstName(CommandAst c)
    {
        foreach (var e in c.CommandElements.Skip(1))
        {
            if (e is CommandParameterAst p) { if (p.ParameterName is "Name") continue; else continue; }
            if (e is StringConstantExpressionAst s) return s.Value;
            if (e is ExpandableStringExpressionAst x) return x.Value;
        }
        return "(unnamed)";
    }
}

/// <summary>One It block: file, line, and its display path.</summary>
public sealed record PesterCase(string File, int Line, string DisplayName)
{
    public string Id => $"{File}:{Line}";
    public override string ToString() => DisplayName;
}
