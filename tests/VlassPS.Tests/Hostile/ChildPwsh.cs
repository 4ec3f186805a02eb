using System.Diagnostics;

namespace VlassPS.Tests.Hostile;

/// <summary>Runs real pwsh in a child process (its own memory peak, host output and exit code) with a timeout.</summary>
internal static class ChildPwsh
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// Runs <paramref name="arguments"/> (e.g. -File script.ps1 -X y, or -Command text) with -NoProfile -NonInteractive.
    /// <paramref name="prefix"/> (e.g. setpriv, runuser) runs before pwsh to change the user.
    /// </summary>
    public static Result Run(IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null,
        IEnumerable<string>? prefix = null, string? workingDirectory = null)
    {
        var pwsh = PwshLocator.Require();
        var pre = prefix?.ToList() ?? new List<string>();
        var psi = new ProcessStartInfo(pre.Count > 0 ? pre[0] : pwsh)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var a in pre.Skip(1)) psi.ArgumentList.Add(a);
        if (pre.Count > 0) psi.ArgumentList.Add(pwsh);
        psi.ArgumentList.Add("-NoProfile");
        psi.ArgumentList.Add("-NonInteractive");
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var outTask = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"pwsh {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s");
        }
        p.WaitForExit();
        return new Result(p.ExitCode, outTask.Result, err.Result);
    }
}
