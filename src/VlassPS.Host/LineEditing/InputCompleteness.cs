using System.Management.Automation.Language;

namespace VlassPS.Host.LineEditing;

/// <summary>An entry is incomplete when its only parse errors are "more input expected" (an open brace, a pipe at the end).</summary>
internal static class InputCompleteness
{
    public static bool IsIncomplete(string text)
    {
        Parser.ParseInput(text, out _, out ParseError[] errors);
        return errors.Length > 0 && errors.All(e => e.IncompleteInput);
    }
}
