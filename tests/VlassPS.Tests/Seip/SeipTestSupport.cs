using System.Diagnostics;
using System.Text;

namespace VlassPS.Tests.Seip;

/// <summary>Paths and external-tool runners for the Seip tests.</summary>
internal static class SeipTestSupport
{
    public static string Python => VlassPS.Tests.Oracle.Python;

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VlassPS.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("VlassPS.sln not found above the test binaries.");
    }

    /// <summary>Property-test iterations: the default, or VLASSPS_SEIP_ITERATIONS for a longer soak run.</summary>
    public static int Iterations(int @default)
        => int.TryParse(Environment.GetEnvironmentVariable("VLASSPS_SEIP_ITERATIONS"), out int n) && n > 0 ? n : @default;

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "seip", name);
    public static string Oracle(string name) => Path.Combine(RepoRoot, "tests", "oracles", "seip", name);

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
