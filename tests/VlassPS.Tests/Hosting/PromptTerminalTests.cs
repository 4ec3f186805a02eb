using System.Diagnostics;

namespace VlassPS.Tests.Hosting;

/// <summary>
/// The interactive vlassps prompt driven in a real pseudo-terminal (tmux send-keys / capture-pane), as a user
/// types: pwsh's console host with VlassPS loaded, history, and Ctrl+C that stops a running pipeline and returns
/// to the prompt with the session's variables intact. Skipped (reason given) where tmux is missing.
/// </summary>
public class PromptTerminalTests
{
    [SkippableFact]
    public void Prompt_runs_cmdlets_keeps_history_and_survives_CtrlC()
    {
        string tmux = Oracle.RequireTool("tmux");
        string session = "vlassps-test-" + Guid.NewGuid().ToString("N")[..8];
        Tmux(tmux, "new-session", "-d", "-s", session, "-x", "200", "-y", "60", $"dotnet '{HostProcess.HostDll}'");
        try
        {
            WaitFor(tmux, session, "VlassPS ");
            Send(tmux, session, "$v = 42", "Enter");
            Send(tmux, session, "Get-VlassTile -Ra 121.98974 -Dec 4.54293 | ForEach-Object Name", "Enter");
            WaitFor(tmux, session, "T12t13");
            Send(tmux, session, "while ($true) { Start-Sleep -Milliseconds 100 }", "Enter");
            Thread.Sleep(2000);
            Send(tmux, session, "C-c");
            Send(tmux, session, "\"v is $v\"", "Enter");
            WaitFor(tmux, session, "v is 42");
            Send(tmux, session, "(Get-History).CommandLine -join '|'", "Enter");
            WaitFor(tmux, session, "$v = 42|Get-VlassTile");
            Send(tmux, session, "exit", "Enter");
        }
        finally { Tmux(tmux, "kill-session", "-t", session); }
    }

    private static void Send(string tmux, string session, params string[] keys)
        => Tmux(tmux, new[] { "send-keys", "-t", session }.Concat(keys).ToArray());

    private static void WaitFor(string tmux, string session, string text)
    {
        string screen = "";
        for (var sw = Stopwatch.StartNew(); sw.Elapsed < TimeSpan.FromSeconds(90); Thread.Sleep(300))
        {
            screen = Tmux(tmux, "capture-pane", "-p", "-J", "-S", "-200", "-t", session);
            if (screen.Contains(text, StringComparison.Ordinal)) return;
        }
        Assert.Fail($"'{text}' did not appear on the terminal:\n{screen}");
    }

    private static string Tmux(string tmux, params string[] args)
    {
        var psi = new ProcessStartInfo(tmux) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PSModulePath");
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
