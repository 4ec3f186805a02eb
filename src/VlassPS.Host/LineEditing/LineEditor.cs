namespace VlassPS.Host.LineEditing;

/// <summary>
/// Reads one entry from the terminal with in-line editing, history and completion, redrawing after each key.
/// Returns the entry (several lines for an unfinished statement continued behind ">> "), or "" when the line
/// was abandoned with Ctrl+C.
/// </summary>
internal sealed class LineEditor
{
    private readonly IEditorConsole _console;
    private readonly IReadOnlyList<string> _history;
    private readonly Func<string, int, System.Management.Automation.CommandCompletion?> _complete;
    private readonly Func<string, bool> _isIncomplete;

    public LineEditor(IEditorConsole console, IReadOnlyList<string> history,
        Func<string, int, System.Management.Automation.CommandCompletion?> complete, Func<string, bool> isIncomplete)
    {
        _console = console;
        _history = history;
        _complete = complete;
        _isIncomplete = isIncomplete;
    }

    public string ReadLine()
    {
        var buffer = new LineBuffer();
        var keys = new KeyHandlers(buffer, new HistoryCursor(_history), new CompletionCycle(_complete), _isIncomplete);
        var renderer = new TerminalRenderer(_console.Out, _console.CursorColumn);
        while (true)
        {
            var key = _console.ReadKey();
            var outcome = keys.Handle(key);
            // A paste: take the rest of what is already waiting before drawing once.
            while (outcome == KeyOutcome.Redraw && KeyHandlers.IsPlainText(key) && _console.KeyAvailable)
            {
                key = _console.ReadKey();
                outcome = keys.Handle(key);
            }
            switch (outcome)
            {
                case KeyOutcome.Submit:
                    renderer.Finish(buffer.Text, _console.Width);
                    return buffer.Text;
                case KeyOutcome.Cancel:
                    renderer.Finish(buffer.Text, _console.Width, "^C");
                    return "";
                default:
                    renderer.Render(buffer.Text, buffer.Cursor, _console.Width);
                    break;
            }
        }
    }
}
