using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace VlassPS.Host.LineEditing;

/// <summary>
/// The entry point of the PSConsoleHostReadLine function that only the vlassps prompt defines (see
/// ConsoleShellPrompt): pwsh's console host calls that function, when it exists, to read each entry (the hook
/// PSReadLine uses). It runs on the prompt's pipeline thread, so history and completion are asked of the same
/// session through nested pipelines.
/// </summary>
public static class ConsoleReadLine
{
    public const string FunctionName = "PSConsoleHostReadLine";
    public const string FunctionBody = "[VlassPS.Host.LineEditing.ConsoleReadLine]::Read()";

    public static string Read()
    {
        bool treatCtrlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            var editor = new LineEditor(new SystemEditorConsole(), History(), Complete, InputCompleteness.IsIncomplete);
            return editor.ReadLine();
        }
        finally { Console.TreatControlCAsInput = treatCtrlC; }
    }

    private static IReadOnlyList<string> History()
    {
        using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
        return ps.AddCommand("Get-History").Invoke<HistoryInfo>().Select(h => h.CommandLine).ToList();
    }

    private static CommandCompletion? Complete(string input, int cursor)
    {
        using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
        try { return CommandCompletion.CompleteInput(input, cursor, null, ps); }
        catch (RuntimeException) { return null; }
    }
}
