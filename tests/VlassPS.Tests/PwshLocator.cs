using System.Diagnostics;

namespace VlassPS.Tests;

/// <summary>
/// The real pwsh for tests that run scripts in a separate process: $VLASSPS_PWSH, a pwsh on PATH or in
/// ~/.dotnet/tools, else the repository's pinned tool (.config/dotnet-tools.json, `dotnet tool restore`) started
/// through a small wrapper, so a clean clone with only the .NET SDK has it too. Missing → the oracle policy
/// (skipped with the reason, failed under VLASSPS_REQUIRE_ORACLES=1).
/// </summary>
public static class PwshLocator
{
    private const string ToolVersion = "7.6.9";

    private static readonly Lazy<string?> Found = new(Locate);

    /// <summary>The pwsh executable (skips or fails the test when there is none).</summary>
    public static string Require()
    {
        if (Found.Value is null) Oracle.Missing("pwsh (PATH, ~/.dotnet/tools, $VLASSPS_PWSH or `dotnet tool restore` of .config/dotnet-tools.json)");
        return Found.Value!;
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("VLASSPS_PWSH") is { Length: > 0 } env && File.Exists(env)) return env;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "pwsh"))) return Path.Combine(dir, "pwsh");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string global = Path.Combine(home, ".dotnet", "tools", "pwsh");
        if (File.Exists(global)) return global;
        return LocalTool(home);
    }

    // The pinned local tool: restore it, then wrap `dotnet exec <package>/pwsh.dll` so callers get one executable
    // that works from any working directory (`dotnet pwsh` only resolves inside the repository).
    private static string? LocalTool(string home)
    {
        if (OperatingSystem.IsWindows()) return null;
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = TestPaths.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("tool"); psi.ArgumentList.Add("restore");
        try
        {
            using var p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd(); p.StandardError.ReadToEnd();
            if (!p.WaitForExit(300_000) || p.ExitCode != 0) return null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } np ? np : Path.Combine(home, ".nuget", "packages");
        string dll = Path.Combine(packages, "powershell", ToolVersion, "tools", "net10.0", "any", "unix", "pwsh.dll");
        if (!File.Exists(dll)) return null;
        string dir = Path.Combine(Path.GetTempPath(), "vlassps-pwsh-" + ToolVersion);
        Directory.CreateDirectory(dir);
        string wrapper = Path.Combine(dir, "pwsh");
        string temp = wrapper + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temp, "#!/bin/sh\nexec dotnet exec '" + dll.Replace("'", "'\\''") + "' \"$@\"\n");
        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.Move(temp, wrapper, overwrite: true);
        return wrapper;
    }
}
