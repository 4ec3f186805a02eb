namespace VlassPS.Core.Processes;

/// <summary>What an external command did: exit code and everything it printed.</summary>
public sealed class ProcessResult
{
    public ProcessResult(string commandLine, int exitCode, string standardOutput, string standardError, TimeSpan elapsed)
    {
        CommandLine = commandLine; ExitCode = exitCode; StandardOutput = standardOutput; StandardError = standardError; Elapsed = elapsed;
    }

    /// <summary>The command as a shell would show it (for messages only; never executed as text).</summary>
    public string CommandLine { get; }
    public int ExitCode { get; }
    public string StandardOutput { get; }
    public string StandardError { get; }
    public TimeSpan Elapsed { get; }

    /// <summary>stdout and stderr together, trimmed, for error messages.</summary>
    public string Output => string.Join("\n", new[] { StandardOutput.Trim(), StandardError.Trim() }.Where(s => s.Length > 0));

    /// <summary>Throws <see cref="ExternalCommandException"/> unless the exit code is 0.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0) throw new ExternalCommandException(this, $"exited with code {ExitCode}");
        return this;
    }
}
