using System.Diagnostics;

namespace VlassPS.Tests.Packaging;

/// <summary>
/// Real pwsh from the repository's tool manifest (.config/dotnet-tools.json): `dotnet tool restore` once, then
/// `dotnet pwsh`. Each run gets the environment it is given (a temporary HOME keeps the user's scope untouched)
/// and no inherited PSModulePath (the in-process engine of this test host sets one).
/// </summary>
public static class RealPwsh
{
    private static readonly Lazy<string?> Restore = new(() =>
    {
        var (code, stdout, stderr) = Run("dotnet", new[] { "tool", "restore" }, null);
        return code == 0 ? null : $"dotnet tool restore failed ({code}): {stdout}{stderr}";
    });

    public static (int ExitCode, string Stdout, string Stderr) Command(string command, IDictionary<string, string> environment)
    {
        Assert.True(Restore.Value is null, Restore.Value);
        return Run("dotnet", new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", command }, environment);
    }

    private static (int, string, string) Run(string exe, IEnumerable<string> args, IDictionary<string, string>? environment)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = TestPaths.RepoRoot };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PSModulePath");
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        // The restored tool (package folder and dotnet's tool resolver cache) stays found, whatever HOME a run is given.
        psi.Environment["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") is { Length: > 0 } cliHome
            ? cliHome : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        psi.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (environment is not null) foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000)) { p.Kill(true); Assert.Fail($"{exe} {string.Join(' ', args)} timed out"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
