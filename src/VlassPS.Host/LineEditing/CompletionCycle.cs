using System.Management.Automation;

namespace VlassPS.Host.LineEditing;

/// <summary>
/// Tab / Shift+Tab: the first press asks for completions at the cursor, each further press (with nothing typed in
/// between) replaces the previous choice with the next (or previous) one, wrapping around.
/// </summary>
internal sealed class CompletionCycle
{
    private readonly Func<string, int, CommandCompletion?> _complete;
    private CommandCompletion? _current;
    private string _afterText = "";
    private int _afterCursor = -1;
    private int _start;
    private int _length;

    public CompletionCycle(Func<string, int, CommandCompletion?> complete) => _complete = complete;

    /// <summary>Applies the next (forward) or previous completion; false when there is none.</summary>
    public bool Step(LineBuffer buffer, bool forward)
    {
        bool continuing = _current is not null && buffer.Cursor == _afterCursor && buffer.Text == _afterText;
        if (!continuing)
        {
            _current = _complete(buffer.Text, buffer.Cursor);
            if (_current is null || _current.CompletionMatches.Count == 0) { _current = null; return false; }
            _current.CurrentMatchIndex = -1;
            _start = _current.ReplacementIndex;
            _length = _current.ReplacementLength;
        }
        var next = _current!.GetNextResult(forward);
        if (next is null) return false;
        buffer.Replace(_start, _length, next.CompletionText);
        _length = next.CompletionText.Length;
        _afterText = buffer.Text;
        _afterCursor = buffer.Cursor;
        return true;
    }
}
