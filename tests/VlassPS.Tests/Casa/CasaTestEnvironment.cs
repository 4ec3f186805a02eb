using System.Diagnostics;

namespace VlassPS.Tests.Casa;

/// <summary>Paths and the python-casacore oracle for the Casa tests.</summary>
internal static class CasaTestEnvironment
{
    public static string Python => Oracle.Python;

    public static string RepoRoot => TestPaths.RepoRoot;

    public static string FixtureDir => Path.Combine(RepoRoot, "tests", "fixtures", "casa");
    public static string OracleDir => Path.Combine(RepoRoot, "tests", "oracles", "casa");
    public static string Fixture(string name) => Path.Combine(FixtureDir, name);

    /// <summary>python-casacore and astropy, under the one oracle policy (skip, or fail where required).</summary>
    public static void RequireOracle() => Oracle.RequirePython("casacore.tables", "astropy");

    public static (int Code, string Stdout, string Stderr) Run(string exe, IEnumerable<string> args, string? workDir, int timeoutMs = 300_000)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (workDir is not null) psi.WorkingDirectory = workDir;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(true);
            throw new TimeoutException($"{exe} {string.Join(' ', args)} timed out");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string RunOracle(string script, IEnumerable<string> args, string? workDir = null)
    {
        var (code, o, e) = Run(Python, new[] { Path.Combine(OracleDir, script) }.Concat(args), workDir);
        if (code != 0) throw new InvalidOperationException($"oracle {script} failed ({code}): {e}");
        return o;
    }

    /// <summary>A private copy of the committed fixtures (symlinks kept): python-casacore may create lock files.</summary>
    public static string CopyFixtures(string tempRoot)
    {
        Directory.CreateDirectory(tempRoot);
        var (code, _, err) = Run("cp", new[] { "-a", FixtureDir + "/.", tempRoot }, null);
        if (code != 0) throw new InvalidOperationException("cp -a failed: " + err);
        return tempRoot;
    }

    public static string NewTempDir(string prefix)
    {
        string d = Path.Combine(Path.GetTempPath(), $"vlassps-{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(d);
        return d;
    }
}
