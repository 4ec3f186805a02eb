using System.Diagnostics;
using System.Text;

namespace VlassPS.Tests.Seip;

/// <summary>Paths and external-tool runners for the Seip tests.</summary>
internal static class SeipTestSupport
{
    public const string Python = "/usr/bin/python3";

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VlassPS.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("VlassPS.sln not found above the test binaries.");
    }

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "seip", name);
    public static string Oracle(string name) => Path.Combine(RepoRoot, "tests", "oracles", "seip", name);

    /// <summary>
    /// True when the tool exists. When it does not, the test fails loudly unless
    /// VLASSPS_ALLOW_MISSING_ORACLES=1, in which case the caller returns early.
    /// </summary>
    public static bool Require(string tool)
    {
        if (File.Exists(tool)) return true;
        if (Environment.GetEnvironmentVariable("VLASSPS_ALLOW_MISSING_ORACLES") == "1") return false;
        Assert.Fail($"Required oracle/tool '{tool}' is missing (set VLASSPS_ALLOW_MISSING_ORACLES=1 to skip).");
        return false;
    }

    public static (int Exit, string Stdout, string Stderr) Run(string exe, IEnumerable<string> args, string? workDir = null,
        IDictionary<string, string>? env = null, int timeoutMs = 120_000)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (workDir is not null) psi.WorkingDirectory = workDir;
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{exe} timed out");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string TempDir(string prefix)
    {
        string d = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(d);
        return d;
    }
}
