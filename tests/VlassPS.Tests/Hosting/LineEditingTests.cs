using System.Collections.ObjectModel;
using System.Management.Automation;
using VlassPS.Host.LineEditing;

namespace VlassPS.Tests.Hosting;

/// <summary>
/// The vlassps line editor's pure parts (compiled in from src/VlassPS.Host/LineEditing): the buffer, history,
/// completion cycling, the screen layout of wrapped and wide text, and the key loop fed with scripted keys.
/// The terminal itself is proven by PromptTerminalTests.
/// </summary>
public class LineEditingTests
{
    private static ConsoleKeyInfo Key(ConsoleKey key, bool shift = false, bool ctrl = false, char c = '\0')
        => new(c, key, shift, false, ctrl);

    private static ConsoleKeyInfo Ch(char c) => new(c, c is >= 'a' and <= 'z' ? ConsoleKey.A + (c - 'a') : 0, false, false, false);

    private static ConsoleKeyInfo Ctrl(char letter) => new((char)(letter - 'A' + 1), ConsoleKey.A + (letter - 'A'), false, false, true);

    [Fact]
    public void Buffer_inserts_at_the_cursor_and_moves_over_surrogate_pairs_and_combining_marks_as_one()
    {
        var b = new LineBuffer();
        b.Insert("ad");
        b.Left();
        b.Insert("bc");
        Assert.Equal("abcd", b.Text);
        Assert.Equal(3, b.Cursor);

        b.Set("x\U0001F600e\u0301y");      // x, an emoji (surrogate pair), e + combining acute, y
        b.Left();
        b.Left();
        Assert.Equal(3, b.Cursor);          // before "e\u0301"
        b.Left();
        Assert.Equal(1, b.Cursor);          // before the emoji, not inside it
        b.Delete();
        Assert.Equal("xe\u0301y", b.Text);
        b.Right();
        b.Backspace();
        Assert.Equal("xy", b.Text);
    }

    [Fact]
    public void Buffer_Home_End_and_the_kill_keys_act_on_the_cursors_line()
    {
        var b = new LineBuffer();
        b.Set("if ($a) {\n  'one'; 'two'\n}");
        int inSecond = "if ($a) {\n  'one'".Length;
        b.Home();
        b.End();
        Assert.Equal(b.Length, b.Cursor);
        b.Replace(0, 0, "");                 // cursor to 0
        for (int i = 0; i < inSecond; i++) b.Right();
        b.KillToLineEnd();
        Assert.Equal("if ($a) {\n  'one'\n}", b.Text);
        b.KillToLineStart();
        Assert.Equal("if ($a) {\n\n}", b.Text);
        Assert.Equal("if ($a) {\n".Length, b.Cursor);
        b.Home();
        Assert.Equal("if ($a) {\n".Length, b.Cursor);
    }

    [Fact]
    public void Buffer_Replace_clamps_and_leaves_the_cursor_after_the_new_text()
    {
        var b = new LineBuffer();
        b.Set("Get-VlassTi -Ra 1");
        b.Replace(0, 11, "Get-VlassTile");
        Assert.Equal("Get-VlassTile -Ra 1", b.Text);
        Assert.Equal(13, b.Cursor);
        b.Replace(100, 5, "!");
        Assert.Equal("Get-VlassTile -Ra 1!", b.Text);
    }

    [Fact]
    public void History_goes_back_and_returns_the_unfinished_line_on_the_way_down()
    {
        var h = new HistoryCursor(new[] { "first", "second" });
        Assert.Null(h.Next());
        Assert.Equal("second", h.Previous("typing"));
        Assert.Equal("first", h.Previous("second"));
        Assert.Null(h.Previous("first"));
        Assert.Equal("second", h.Next());
        Assert.Equal("typing", h.Next());
        Assert.Null(h.Next());
        Assert.Null(new HistoryCursor(Array.Empty<string>()).Previous("x"));
    }

    private static CommandCompletion Matches(int start, int length, params string[] texts)
        => new(new Collection<CompletionResult>(texts.Select(t => new CompletionResult(t)).ToList()), -1, start, length);

    [Fact]
    public void Completion_cycles_forward_and_back_and_starts_over_after_an_edit()
    {
        int asked = 0;
        var cycle = new CompletionCycle((text, cursor) => { asked++; return Matches(cursor - 2, 2, "-Epoch", "-EB", "-Extra"); });
        var b = new LineBuffer();
        b.Set("Get-X -E");
        Assert.True(cycle.Step(b, forward: true));
        Assert.Equal("Get-X -Epoch", b.Text);
        Assert.True(cycle.Step(b, forward: true));
        Assert.Equal("Get-X -EB", b.Text);
        Assert.True(cycle.Step(b, forward: false));
        Assert.Equal("Get-X -Epoch", b.Text);
        Assert.True(cycle.Step(b, forward: false));
        Assert.Equal("Get-X -Extra", b.Text);   // wraps around
        Assert.Equal(1, asked);

        b.Insert(" -E");                          // typing in between starts a new completion
        Assert.True(cycle.Step(b, forward: false));
        Assert.Equal("Get-X -Extra -Extra", b.Text);
        Assert.Equal(2, asked);

        var none = new CompletionCycle((_, _) => Matches(0, 0));
        Assert.False(none.Step(b, forward: true));
        Assert.Equal("Get-X -Extra -Extra", b.Text);
    }

    [Fact]
    public void Layout_wraps_at_the_width_moves_a_wide_character_that_does_not_fit_and_continues_lines_behind_the_prompt()
    {
        // Prompt of 8 cells, width 10: "ab" fits, "c" goes to row 1.
        var l = new ScreenLayout("abc", startColumn: 8, width: 10);
        Assert.Equal(new ScreenCell(0, 8), l.CursorAt(0));
        Assert.Equal(new ScreenCell(1, 0), l.CursorAt(2));
        Assert.Equal(new ScreenCell(1, 1), l.End);

        // A wide character in the last column goes whole to the next row (the terminal leaves the cell blank).
        var wide = new ScreenLayout("a界b", startColumn: 8, width: 10);
        Assert.Equal(new ScreenCell(1, 0), wide.CursorAt(1));
        Assert.Equal(new ScreenCell(1, 2), wide.CursorAt(2));

        // Exactly filling the row: the end is the start of the next row, and the renderer must say so.
        var full = new ScreenLayout("ab", startColumn: 8, width: 10);
        Assert.True(full.EndsAtRightEdge);
        Assert.Equal(new ScreenCell(1, 0), full.End);

        // A new line continues behind ">> "; a control character shows as ^X in two cells.
        var multi = new ScreenLayout("{\n\u0001x", startColumn: 2, width: 80);
        Assert.Equal("{\r\n>> ^Ax", multi.Display);
        Assert.Equal(new ScreenCell(1, 3), multi.CursorAt(2));
        Assert.Equal(new ScreenCell(1, 5), multi.CursorAt(3));
        Assert.Equal(2, CellWidth.Of(new System.Text.Rune('界')));
        Assert.Equal(0, CellWidth.Of(new System.Text.Rune('\u0301')));
        Assert.Equal(2, CellWidth.Of(new System.Text.Rune(0x1F600)));
    }

    private sealed class ScriptedConsole : IEditorConsole
    {
        private readonly Queue<ConsoleKeyInfo> _keys;
        public ScriptedConsole(IEnumerable<ConsoleKeyInfo> keys) => _keys = new Queue<ConsoleKeyInfo>(keys);
        public ConsoleKeyInfo ReadKey() => _keys.Count > 0 ? _keys.Dequeue() : throw new InvalidOperationException("the editor read past the scripted keys");
        public bool KeyAvailable => _keys.Count > 0;
        public int Width => 20;
        public int CursorColumn => 5;
        public TextWriter Out { get; } = new StringWriter();
    }

    private static string Edit(IReadOnlyList<string> history, params ConsoleKeyInfo[] keys)
    {
        var console = new ScriptedConsole(keys);
        string line = new LineEditor(console, history, (_, _) => null, VlassPS.Host.LineEditing.InputCompleteness.IsIncomplete).ReadLine();
        Assert.Equal(0, console.KeyAvailable ? 1 : 0);
        return line;
    }

    private static ConsoleKeyInfo[] Type(string s) => s.Select(Ch).ToArray();

    [Fact]
    public void Editor_keys_edit_recall_cancel_and_continue_unfinished_statements()
    {
        var enter = Key(ConsoleKey.Enter, c: '\r');
        var left = Key(ConsoleKey.LeftArrow);
        Assert.Equal("abXc", Edit(Array.Empty<string>(), Type("abc").Append(left).Concat(Type("X")).Append(enter).ToArray()));
        Assert.Equal("", Edit(Array.Empty<string>(), Type("half").Append(Ctrl('C')).ToArray()));
        Assert.Equal("older", Edit(new[] { "older", "newer" }, Key(ConsoleKey.UpArrow), Key(ConsoleKey.UpArrow), enter));
        Assert.Equal("x", Edit(new[] { "older" }, Ch('x'), Key(ConsoleKey.UpArrow), Key(ConsoleKey.DownArrow), enter));
        Assert.Equal("tail", Edit(Array.Empty<string>(), Type("headtail").Concat(Enumerable.Repeat(left, 4)).Append(Ctrl('U')).Append(enter).ToArray()));
        Assert.Equal("head", Edit(Array.Empty<string>(), Type("headtail").Append(Ctrl('A')).Concat(Enumerable.Repeat(Key(ConsoleKey.RightArrow), 4)).Append(Ctrl('K')).Append(enter).ToArray()));
        Assert.Equal("exit", Edit(Array.Empty<string>(), Ctrl('D')));
        Assert.Equal("if (1) {\n2\n}", Edit(Array.Empty<string>(), Type("if (1) {").Append(enter).Concat(Type("2")).Append(enter).Concat(Type("}")).Append(enter).ToArray()));
    }

    [Fact]
    public void Editor_redraws_from_where_the_input_starts_and_ends_on_a_fresh_line()
    {
        var console = new ScriptedConsole(Type("abcdefghijklmnopqrst").Append(Key(ConsoleKey.Home)).Append(Key(ConsoleKey.Enter, c: '\r')));
        new LineEditor(console, Array.Empty<string>(), (_, _) => null, _ => false).ReadLine();
        string written = console.Out.ToString()!;
        // Width 20, input from column 5: 20 characters take two rows; Home goes up one row to column 6 (1-based).
        Assert.Contains("\x1b[1A\x1b[6G", written, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\x1b[2A", written, StringComparison.Ordinal);
    }
}
