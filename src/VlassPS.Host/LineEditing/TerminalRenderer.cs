using System.Text;

namespace VlassPS.Host.LineEditing;

/// <summary>
/// Redraws the input after every change: back to where the input starts (just after the prompt), clear to the end
/// of the screen, write the whole text, then put the cursor in place. Moves are relative (rows up) plus absolute
/// columns, so a screen that scrolled while typing, wrapped rows and wide characters stay right.
/// </summary>
internal sealed class TerminalRenderer
{
    private const string Esc = "\x1b[";
    private readonly TextWriter _out;
    private readonly int _startColumn;
    private int _cursorRow;

    public TerminalRenderer(TextWriter output, int startColumn)
    {
        _out = output;
        _startColumn = startColumn;
    }

    public void Render(string text, int cursor, int width)
    {
        var layout = new ScreenLayout(text, _startColumn, width);
        var s = new StringBuilder();
        BackToStart(s);
        s.Append(Esc).Append('J').Append(layout.Display);
        if (layout.EndsAtRightEdge) s.Append("\r\n");
        var target = layout.CursorAt(cursor);
        if (layout.End.Row > target.Row) s.Append(Esc).Append(layout.End.Row - target.Row).Append('A');
        s.Append(Esc).Append(target.Column + 1).Append('G');
        _cursorRow = target.Row;
        _out.Write(s.ToString());
        _out.Flush();
    }

    /// <summary>Leaves the input as typed, with the cursor on a fresh line below it (and an optional marker such as ^C).</summary>
    public void Finish(string text, int width, string marker = "")
    {
        Render(text, text.Length, width);
        _out.Write(marker + "\r\n");
        _out.Flush();
    }

    private void BackToStart(StringBuilder s)
    {
        if (_cursorRow > 0) s.Append(Esc).Append(_cursorRow).Append('A');
        s.Append(Esc).Append(_startColumn + 1).Append('G');
    }
}
