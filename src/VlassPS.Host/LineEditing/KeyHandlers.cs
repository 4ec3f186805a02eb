namespace VlassPS.Host.LineEditing;

/// <summary>What a key asks of the editor loop once the buffer has been changed.</summary>
internal enum KeyOutcome { Redraw, Submit, Cancel }

/// <summary>
/// The key bindings (emacs-style, as in bash and PSReadLine's defaults on Linux): each key changes the buffer,
/// walks history or completes, and says whether the line is done. Keys are matched on ConsoleKey and modifiers,
/// and on the control character itself, since terminals report Ctrl+letters either way.
/// </summary>
internal sealed class KeyHandlers
{
    private readonly LineBuffer _buffer;
    private readonly HistoryCursor _history;
    private readonly CompletionCycle _completion;
    private readonly Func<string, bool> _isIncomplete;

    public KeyHandlers(LineBuffer buffer, HistoryCursor history, CompletionCycle completion, Func<string, bool> isIncomplete)
    {
        _buffer = buffer;
        _history = history;
        _completion = completion;
        _isIncomplete = isIncomplete;
    }

    public KeyOutcome Handle(ConsoleKeyInfo key)
    {
        bool ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
        bool shift = (key.Modifiers & ConsoleModifiers.Shift) != 0;
        char c = key.KeyChar;

        if (key.Key == ConsoleKey.Enter || c is '\r' or '\n') return Enter();
        if ((ctrl && key.Key == ConsoleKey.C) || c == '\x03') return KeyOutcome.Cancel;
        if (key.Key == ConsoleKey.Tab || c == '\t') { _completion.Step(_buffer, forward: !shift); return KeyOutcome.Redraw; }
        if ((ctrl && key.Key == ConsoleKey.D) || c == '\x04') return CtrlD();

        Action? edit = key.Key switch
        {
            ConsoleKey.LeftArrow => _buffer.Left,
            ConsoleKey.RightArrow => _buffer.Right,
            ConsoleKey.Home => _buffer.Home,
            ConsoleKey.End => _buffer.End,
            ConsoleKey.Backspace => _buffer.Backspace,
            ConsoleKey.Delete => _buffer.Delete,
            ConsoleKey.UpArrow => () => Recall(_history.Previous(_buffer.Text)),
            ConsoleKey.DownArrow => () => Recall(_history.Next()),
            _ => null,
        };
        edit ??= (ctrl ? key.Key : ControlLetter(c)) switch
        {
            ConsoleKey.A => _buffer.Home,
            ConsoleKey.E => _buffer.End,
            ConsoleKey.B => _buffer.Left,
            ConsoleKey.F => _buffer.Right,
            ConsoleKey.H => _buffer.Backspace,
            ConsoleKey.U => _buffer.KillToLineStart,
            ConsoleKey.K => _buffer.KillToLineEnd,
            ConsoleKey.P => () => Recall(_history.Previous(_buffer.Text)),
            ConsoleKey.N => () => Recall(_history.Next()),
            _ => null,
        };
        if (edit is not null) edit();
        else if (c == '\x7f' || c == '\b') _buffer.Backspace();
        else if (!char.IsControl(c) && (key.Modifiers & ConsoleModifiers.Alt) == 0 && c != '\0') _buffer.Insert(c.ToString());
        return KeyOutcome.Redraw;
    }

    /// <summary>Typed text (a paste arrives as many keys at once) goes in without a redraw per character.</summary>
    public static bool IsPlainText(ConsoleKeyInfo key)
        => key.KeyChar != '\0' && !char.IsControl(key.KeyChar)
           && (key.Modifiers & (ConsoleModifiers.Control | ConsoleModifiers.Alt)) == 0;

    // An unfinished statement (an open brace, a trailing pipe) continues on a new line behind ">> ".
    private KeyOutcome Enter()
    {
        if (!_isIncomplete(_buffer.Text)) return KeyOutcome.Submit;
        _buffer.End();
        _buffer.Insert("\n");
        return KeyOutcome.Redraw;
    }

    // On an empty line Ctrl+D leaves (as in bash and pwsh on Linux); otherwise it deletes under the cursor.
    private KeyOutcome CtrlD()
    {
        if (_buffer.Length > 0) { _buffer.Delete(); return KeyOutcome.Redraw; }
        _buffer.Set("exit");
        return KeyOutcome.Submit;
    }

    private void Recall(string? entry)
    {
        if (entry is not null) _buffer.Set(entry);
    }

    private static ConsoleKey ControlLetter(char c) => c is >= '\x01' and <= '\x1a' ? ConsoleKey.A + (c - 1) : 0;
}
