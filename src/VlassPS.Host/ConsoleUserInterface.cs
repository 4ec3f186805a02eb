using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace VlassPS.Host;

/// <summary>Writes output to stdout and errors, warnings, verbose and progress to stderr, as pwsh does for redirected output.</summary>
internal sealed class ConsoleUserInterface : PSHostUserInterface
{
    private readonly ConsoleRawUserInterface _raw = new();

    public override PSHostRawUserInterface RawUI => _raw;

    public override string ReadLine() => Console.ReadLine() ?? "";

    public override SecureString ReadLineAsSecureString()
    {
        var s = new SecureString();
        foreach (char c in ReadLine()) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    // Custom hosts get the formatter's ANSI styling as is; keep it for a terminal, strip it for files and pipes.
    private static readonly Regex Ansi = new(@"\x1b\[[0-9;?]*[ -/]*[@-~]", RegexOptions.Compiled);
    private static readonly bool PlainOut = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is not null;
    private static readonly bool PlainErr = Console.IsErrorRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is not null;

    private static string Out(string s) => PlainOut ? Ansi.Replace(s, "") : s;
    private static string Err(string s) => PlainErr ? Ansi.Replace(s, "") : s;

    public override void Write(string value) => Console.Out.Write(Out(value));
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Out.Write(Out(value));
    public override void WriteLine(string value) => Console.Out.WriteLine(Out(value));
    public override void WriteErrorLine(string value) => Console.Error.WriteLine(Err(value));
    public override void WriteDebugLine(string message) => Console.Error.WriteLine($"DEBUG: {message}");
    public override void WriteVerboseLine(string message) => Console.Error.WriteLine($"VERBOSE: {message}");
    public override void WriteWarningLine(string message) => Console.Error.WriteLine($"WARNING: {message}");

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        // One line per status change on an interactive terminal; nothing when output is redirected (logs stay clean).
        if (Console.IsErrorRedirected || record.RecordType == ProgressRecordType.Completed) return;
        string pct = record.PercentComplete >= 0 ? $" {record.PercentComplete}%" : "";
        Console.Error.WriteLine($"{record.Activity}: {record.StatusDescription}{pct}");
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        if (!string.IsNullOrEmpty(message)) WriteLine(message);
        var result = new Dictionary<string, PSObject>();
        foreach (var d in descriptions)
        {
            Write($"{d.Name}: ");
            result[d.Name] = PSObject.AsPSObject(ReadLine());
        }
        return result;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        if (!string.IsNullOrEmpty(caption)) WriteLine(caption);
        if (!string.IsNullOrEmpty(message)) WriteLine(message);
        for (int i = 0; i < choices.Count; i++)
            WriteLine($"  [{i}] {choices[i].Label.Replace("&", "", StringComparison.Ordinal)}{(i == defaultChoice ? " (default)" : "")}");
        Write("Choice: ");
        string answer = ReadLine().Trim();
        if (answer.Length == 0) return defaultChoice;
        if (int.TryParse(answer, out int n) && n >= 0 && n < choices.Count) return n;
        for (int i = 0; i < choices.Count; i++)
        {
            string label = choices[i].Label;
            int amp = label.IndexOf('&');
            if (amp >= 0 && amp + 1 < label.Length && string.Equals(label[amp + 1].ToString(), answer, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
        => throw new NotSupportedException("vlassps cannot prompt for credentials.");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        => throw new NotSupportedException("vlassps cannot prompt for credentials.");
}
