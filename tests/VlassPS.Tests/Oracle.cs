using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VlassPS.Tests;

/// <summary>
/// The one oracle policy for every test that calls an outside oracle or checker (Debian's python3 with astropy,
/// python-casacore, photutils, regions, reproject; shellcheck; xvfb-run).
/// Missing → the test is reported SKIPPED with the install line as the reason (the test must be a
/// [SkippableFact]/[SkippableTheory]); with VLASSPS_REQUIRE_ORACLES=1 (CI, after it installs them) missing → FAILED.
/// Never an early return counted as passed. The Pester files follow the same rule (tests/pester/Oracle.ps1).
/// </summary>
public static class Oracle
{
    /// <summary>Debian's python3 (the pyenv python3 on PATH has none of the packages); VLASSPS_ORACLE_PYTHON overrides.</summary>
    public static string Python => Environment.GetEnvironmentVariable("VLASSPS_ORACLE_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    public const string InstallLine =
        "sudo apt-get install python3 python3-numpy python3-scipy python3-astropy python3-casacore python3-photutils python3-regions python3-reproject shellcheck xvfb xauth";

    public static bool Required => Environment.GetEnvironmentVariable("VLASSPS_REQUIRE_ORACLES") == "1";

    private static readonly ConcurrentDictionary<string, string?> Problems = new();

    /// <summary>Skips (or fails under VLASSPS_REQUIRE_ORACLES=1) unless <see cref="Python"/> imports every module.</summary>
    public static void RequirePython(params string[] modules)
    {
        string key = string.Join(",", modules);
        string? problem = Problems.GetOrAdd("python:" + key, _ =>
        {
            if (!File.Exists(Python)) return $"{Python} not found";
            if (modules.Length == 0) return null;
            var (code, _, err) = Run(new[] { "-c", "import " + key }, "");
            return code == 0 ? null : $"{Python} cannot import {key}: {err.Trim().Split('\n')[^1]}";
        });
        if (problem is not null) Missing(problem);
    }

    /// <summary>The full path of an executable found on PATH; skips (or fails) when it is not there.</summary>
    public static string RequireTool(string name)
    {
        string? found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        if (found is null) Missing($"'{name}' not found on PATH");
        return found!;
    }

    /// <summary>Reports a missing oracle: a skip with the install line, or a failure where oracles are required.</summary>
    public static void Missing(string problem)
    {
        string msg = $"Oracle missing: {problem}. Install: {InstallLine}";
        if (Required) Assert.Fail(msg + " (VLASSPS_REQUIRE_ORACLES=1 makes a missing oracle a failure)");
        Skip.If(true, msg);
    }

    public static void RequireModule(string module) => RequirePython(module);

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
