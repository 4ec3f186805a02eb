using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VlassPS.Tests;

/// <summary>
/// Runs an independent Python oracle (Debian's /usr/bin/python3 with astropy, python-casacore, photutils).
/// A missing oracle skips the test on a developer machine that has only the .NET SDK, and fails it where
/// VLASSPS_REQUIRE_ORACLES=1 (CI installs the oracles and sets it, so nothing is skipped silently there).
/// </summary>
public static class Oracle
{
    public const string Python = "/usr/bin/python3";

    public static void RequireModule(string module)
    {
        bool ok = File.Exists(Python) && Run(new[] { "-c", $"import {module}" }, "").ExitCode == 0;
        if (ok) return;
        string msg = $"The oracle needs {Python} with the Python module '{module}' (Debian package python3-{module.Split('.')[0]}).";
        if (Environment.GetEnvironmentVariable("VLASSPS_REQUIRE_ORACLES") == "1") Assert.Fail(msg + " (VLASSPS_REQUIRE_ORACLES=1)");
        Skip.If(true, msg + " Skipped; install it (see README) to run this oracle.");
    }

    public static JsonNode RunJson(string script, object request)
    {
        string path = Path.Combine(TestPaths.RepoRoot, "tests", "oracles", script);
        var (code, stdout, stderr) = Run(new[] { path }, JsonSerializer.Serialize(request));
        Assert.True(code == 0, $"{script} failed ({code}): {stderr}");
        return JsonNode.Parse(stdout)!;
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> args, string stdin, string? workingDirectory = null, string? exe = null)
    {
        var psi = new ProcessStartInfo(exe ?? Python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? TestPaths.RepoRoot,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(120_000)) { p.Kill(true); Assert.Fail($"{psi.FileName} timed out"); }
        return (p.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}
