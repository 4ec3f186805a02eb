namespace VlassPS.Core.Processes;

/// <summary>An external command failed, printed something unexpected, timed out or could not start.
/// The message always shows the command line and what the command printed.</summary>
public class ExternalCommandException : Exception
{
    public ExternalCommandException(ProcessResult result, string problem)
        : base(Format(result.CommandLine, problem, result.Output))
    {
        CommandLine = result.CommandLine; Result = result;
    }

    public ExternalCommandException(string commandLine, string problem, string output = "", Exception? inner = null)
        : base(Format(commandLine, problem, output), inner)
    {
        CommandLine = commandLine;
    }

    public string CommandLine { get; }
    /// <summary>Null when the command never ran to completion (not found, timed out).</summary>
    public ProcessResult? Result { get; }

    private static string Format(string commandLine, string problem, string output)
        => $"'{commandLine}' {problem}." + (output.Length > 0 ? $" Output: {Truncate(output)}" : " It printed nothing.");

    private static string Truncate(string s) => s.Length > 2000 ? s[..2000] + " ..." : s;
}

/// <summary>The command ran longer than its timeout and was killed.</summary>
public sealed class ExternalCommandTimeoutException : ExternalCommandException
{
    public ExternalCommandTimeoutException(string commandLine, TimeSpan timeout, string output)
        : base(commandLine, $"did not finish within {timeout.TotalSeconds:0.#} s and was stopped", output)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
