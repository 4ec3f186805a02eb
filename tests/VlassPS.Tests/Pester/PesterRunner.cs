using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace VlassPS.Tests.Pester;

/// <summary>
/// Runs a *.Tests.ps1 file through the Pester-compatible shim in a fresh runspace of the real PowerShell 7.6
/// engine, once per file; every It case then reads its own result.
/// </summary>
public static class PesterRunner
{
    private static readonly ConcurrentDictionary<string, Lazy<FileRun>> Runs = new();

    public static FileRun RunFile(string path) => Runs.GetOrAdd(Path.GetFullPath(path), p => new Lazy<FileRun>(() => Execute(p))).Value;

    /// <summary>Runs without caching (for the shim's own tests).</summary>
    public static FileRun Execute(string path)
    {
        string shim = Path.Combine(TestPaths.RepoRoot, "tests", "pester", "PesterShim.ps1");
        var iss = InitialSessionState.CreateDefault2();
        using var runspace = RunspaceFactory.CreateRunspace(iss);
        runspace.Open();
        using var ps = PowerShell.Create(runspace);
        ps.AddScript(". $args[0]; Invoke-ShimFile -Path $args[1] -Id $args[2]").AddArgument(shim).AddArgument(path).AddArgument(PesterDiscovery.RelativeId(path));
        var results = new List<PesterResult>();
        string? fileError = null;
        try
        {
            foreach (var o in ps.Invoke())
            {
                if (o?.Properties["Id"] is null) continue;
                results.Add(new PesterResult(
                    (string)o.Properties["Id"].Value, (string)o.Properties["Path"].Value, (string)o.Properties["Result"].Value,
                    o.Properties["Message"].Value?.ToString() ?? "", Convert.ToDouble(o.Properties["Milliseconds"].Value)));
            }
        }
        catch (RuntimeException ex)
        {
            fileError = ex.ErrorRecord?.ToString() + Environment.NewLine + ex.ErrorRecord?.InvocationInfo?.PositionMessage;
        }
        var errors = ps.Streams.Error.Select(e => $"{e.FullyQualifiedErrorId}: {e}").ToList();
        if (fileError is null && ps.HadErrors && results.Count == 0)
            fileError = string.Join(Environment.NewLine, errors);
        var warnings = ps.Streams.Warning.Select(w => w.Message).ToList();
        return new FileRun(results, fileError, errors, warnings);
    }
}

public sealed record PesterResult(string Id, string Path, string Result, string Message, double Milliseconds);

public sealed record FileRun(IReadOnlyList<PesterResult> Results, string? FileError, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
