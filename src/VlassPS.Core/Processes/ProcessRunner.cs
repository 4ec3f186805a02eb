using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using VlassPS.Core.Workspace;

namespace VlassPS.Core.Processes;

/// <summary>Options for one external command.</summary>
public sealed class ProcessOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Killed (with its children) after this long; <see cref="ExternalCommandTimeoutException"/>.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
    public string? WorkingDirectory { get; init; }
    /// <summary>Extra environment variables (null value: removed).</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }
}

/// <summary>
/// The one way VlassPS starts an external command: an argument list (never a shell string), a timeout, a
/// cancellation token (Ctrl+C in PowerShell cancels it), stdout and stderr captured. A command that cannot
/// start, times out or is cancelled is killed with its process tree and reported with its command line.
/// </summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, ProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProcessOptions();
        var args = arguments.ToList();
        string commandLine = ShellQuote.Join(new[] { fileName }.Concat(args));
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (options.WorkingDirectory is not null) psi.WorkingDirectory = options.WorkingDirectory;
        if (options.Environment is not null)
            foreach (var (k, v) in options.Environment)
                if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        var watch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new ExternalCommandException(commandLine, $"could not be started ({ex.Message}); is '{fileName}' installed and on PATH", "", ex);
        }
        process.StandardInput.Close();
        var readOut = Pump(process.StandardOutput, stdout);
        var readErr = Pump(process.StandardError, stderr);

        using var timeout = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            process.WaitForExitAsync(linked.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            string partial = Captured(stdout, stderr);
            if (cancellationToken.IsCancellationRequested)
                throw new OperationCanceledException($"'{commandLine}' was stopped by the user.", cancellationToken);
            throw new ExternalCommandTimeoutException(commandLine, options.Timeout, partial);
        }
        // A detached grandchild could keep the pipes open: collect what is there, without waiting for it.
        Task.WaitAll(new[] { readOut, readErr }, TimeSpan.FromSeconds(5));
        string o, e2;
        lock (stdout) o = stdout.ToString();
        lock (stderr) e2 = stderr.ToString();
        return new ProcessResult(commandLine, process.ExitCode, o, e2, watch.Elapsed);
    }

    /// <summary>Copies a stream into a buffer as it arrives (so a timeout still shows the partial output).</summary>
    private static Task Pump(StreamReader reader, StringBuilder into) => Task.Run(async () =>
    {
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
            lock (into) into.Append(buffer, 0, n);
    });

    private static string Captured(StringBuilder stdout, StringBuilder stderr)
    {
        string o, e;
        lock (stdout) o = stdout.ToString().Trim();
        lock (stderr) e = stderr.ToString().Trim();
        return string.Join("\n", new[] { o, e }.Where(s => s.Length > 0));
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); process.WaitForExit(5000); }
        catch (InvalidOperationException) { } // already gone
        catch (Win32Exception) { }
    }
}
