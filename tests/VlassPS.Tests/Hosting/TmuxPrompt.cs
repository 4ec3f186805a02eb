using System.Diagnostics;

namespace VlassPS.Tests.Hosting;

/// <summary>
/// A real `vlassps` prompt in a tmux pseudo-terminal: keys go in with send-keys (tmux key names such as Up,
/// Left, Tab, BTab, C-c), the screen comes back with capture-pane. Skips (with the install line) without tmux.
/// </summary>
public sealed class TmuxPrompt : IDisposable
{
    private readonly string _tmux;
    private readonly string _session = "vlassps-test-" + Guid.NewGuid().ToString("N")[..8];
    private string _lastError = "";

    /// <param name="environment">Variables for vlassps (names and values without single quotes).</param>
    public TmuxPrompt(int width = 200, int height = 60, IReadOnlyDictionary<string, string>? environment = null)
    {
        _tmux = Oracle.RequireTool("tmux");
        string env = string.Concat((environment ?? new Dictionary<string, string>()).Select(kv => $"{kv.Key}='{kv.Value}' "));
        // The shell keeps the pane open after vlassps ends, so a crash shows on the screen instead of an empty capture.
        Tmux("new-session", "-d", "-s", _session, "-x", width.ToString(), "-y", height.ToString(),
            $"env {env}dotnet '{HostProcess.HostDll}'; echo \"[vlassps exited with $?]\"; sleep 600");
        WaitForPrompt();
    }

    /// <summary>Sends keys: literal text and tmux key names, in order.</summary>
    public void Send(params string[] keys) => Tmux(new[] { "send-keys", "-t", _session }.Concat(keys).ToArray());

    /// <summary>The screen with wrapped rows joined (and the scrollback).</summary>
    public string Screen() => Tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", _session);

    /// <summary>Non-empty screen lines, trailing spaces removed.</summary>
    public IReadOnlyList<string> Lines() => Screen().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();

    /// <summary>The row the cursor's entry is on (the last non-empty one).</summary>
    public string CurrentLine() => Lines().LastOrDefault() ?? "";

    public void WaitFor(string text) => WaitUntil(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'");

    /// <summary>Waits for an idle prompt: the last line is the prompt with nothing typed after it.</summary>
    public void WaitForPrompt() => WaitUntil(_ => CurrentLine().StartsWith("VlassPS ", StringComparison.Ordinal) && CurrentLine().EndsWith('>'), "an idle prompt");

    public void WaitUntil(Func<string, bool> condition, string what)
    {
        string screen = "";
        for (var sw = Stopwatch.StartNew(); sw.Elapsed < TimeSpan.FromSeconds(90); Thread.Sleep(250))
        {
            screen = Screen();
            if (condition(screen)) return;
        }
        Assert.Fail($"{what} did not appear on the terminal:\n{screen}\n{_lastError}");
    }

    /// <summary>Lines that are exactly <paramref name="text"/> (command output, not the echo of a command).</summary>
    public int CountLines(string text) => Lines().Count(l => l == text);

    public void Dispose()
    {
        try { Send("C-c"); Send("exit", "Enter"); } catch (InvalidOperationException) { }
        Tmux("kill-server");
    }

    private string Tmux(params string[] args)
    {
        var psi = new ProcessStartInfo(_tmux) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // A server of its own (socket named after the session): no race with another test's server shutting down.
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(_session);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PSModulePath");
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (error.Length > 0) _lastError = $"tmux {string.Join(' ', args)}: {error}";
        return output;
    }
}
