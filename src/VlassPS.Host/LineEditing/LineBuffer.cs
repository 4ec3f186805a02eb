using System.Globalization;
using System.Text;

namespace VlassPS.Host.LineEditing;

/// <summary>
/// The text being edited and the cursor in it (a UTF-16 index, always on a text-element boundary, so a surrogate
/// pair or a letter with its combining marks moves and deletes as one). Lines of a multi-line entry are separated
/// by '\n'; Home/End/Ctrl+U/Ctrl+K act on the cursor's line. No terminal here: the keys map to these operations.
/// </summary>
internal sealed class LineBuffer
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();
    public int Cursor { get; private set; }
    public int Length => _text.Length;

    public void Set(string text)
    {
        _text.Clear().Append(text);
        Cursor = _text.Length;
    }

    public void Insert(string s)
    {
        _text.Insert(Cursor, s);
        Cursor += s.Length;
    }

    /// <summary>Replaces a range (a completion's replacement span) and puts the cursor after the new text.</summary>
    public void Replace(int start, int length, string s)
    {
        start = Math.Clamp(start, 0, _text.Length);
        length = Math.Clamp(length, 0, _text.Length - start);
        _text.Remove(start, length).Insert(start, s);
        Cursor = start + s.Length;
    }

    public void Left() => Cursor = PreviousBoundary(Cursor);
    public void Right() => Cursor = NextBoundary(Cursor);
    public void Home() => Cursor = LineStart(Cursor);
    public void End() => Cursor = LineEnd(Cursor);

    public void Backspace()
    {
        if (Cursor == 0) return;
        int from = PreviousBoundary(Cursor);
        _text.Remove(from, Cursor - from);
        Cursor = from;
    }

    public void Delete()
    {
        if (Cursor == _text.Length) return;
        _text.Remove(Cursor, NextBoundary(Cursor) - Cursor);
    }

    /// <summary>Ctrl+U: deletes from the start of the line to the cursor.</summary>
    public void KillToLineStart()
    {
        int from = LineStart(Cursor);
        _text.Remove(from, Cursor - from);
        Cursor = from;
    }

    /// <summary>Ctrl+K: deletes from the cursor to the end of the line.</summary>
    public void KillToLineEnd() => _text.Remove(Cursor, LineEnd(Cursor) - Cursor);

    private int LineStart(int at)
    {
        while (at > 0 && _text[at - 1] != '\n') at--;
        return at;
    }

    private int LineEnd(int at)
    {
        while (at < _text.Length && _text[at] != '\n') at++;
        return at;
    }

    private int NextBoundary(int at)
    {
        if (at >= _text.Length) return _text.Length;
        return at + StringInfo.GetNextTextElementLength(Text, at);
    }

    private int PreviousBoundary(int at)
    {
        if (at <= 0) return 0;
        string text = Text;
        int previous = 0;
        for (int i = 0; i < at; i += StringInfo.GetNextTextElementLength(text, i)) previous = i;
        return previous;
    }
}
