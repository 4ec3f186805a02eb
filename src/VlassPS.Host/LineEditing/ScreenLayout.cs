using System.Text;

namespace VlassPS.Host.LineEditing;

/// <summary>A place on the screen relative to the start of the input: row 0 is the prompt's row.</summary>
internal readonly record struct ScreenCell(int Row, int Column);

/// <summary>
/// Where each character of the input lands on a terminal of a given width, as the terminal itself wraps it:
/// the first line starts after the prompt, a '\n' starts a new row behind the continuation prompt, a character
/// that does not fit (a wide one in the last column) goes to the next row. Pure, so the wrapping is unit-tested.
/// </summary>
internal sealed class ScreenLayout
{
    public const string ContinuationPrompt = ">> ";

    private readonly ScreenCell[] _before;

    /// <summary>The text as sent to the terminal (control characters as ^X, '\n' as CR LF plus the continuation prompt).</summary>
    public string Display { get; }

    /// <summary>Where the terminal cursor is after writing Display.</summary>
    public ScreenCell End { get; }

    /// <summary>True when the text exactly fills its last row: the terminal is then waiting to wrap, and the
    /// renderer sends CR LF so that the cursor really is at the start of the next row.</summary>
    public bool EndsAtRightEdge { get; }

    public int Width { get; }

    public ScreenLayout(string text, int startColumn, int width)
    {
        Width = Math.Max(2, width);
        _before = new ScreenCell[text.Length + 1];
        var display = new StringBuilder();
        int row = 0, col = Math.Clamp(startColumn, 0, Width - 1);
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\n')
            {
                // Before a '\n' that ends a full row the cursor shows on that row's last cell.
                _before[i] = col >= Width ? new ScreenCell(row, Width - 1) : new ScreenCell(row, col);
                display.Append("\r\n").Append(ContinuationPrompt);
                row++;
                col = ContinuationPrompt.Length;
                i++;
                continue;
            }
            Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int used);
            int w = CellWidth.Of(rune);
            if (w > 0 && col + w > Width) { row++; col = 0; }
            for (int k = 0; k < used; k++) _before[i + k] = new ScreenCell(row, col);
            display.Append(CellWidth.Display(rune));
            col += w;
            i += used;
        }
        EndsAtRightEdge = col >= Width;
        End = EndsAtRightEdge ? new ScreenCell(row + 1, 0) : new ScreenCell(row, col);
        _before[text.Length] = End;
        Display = display.ToString();
    }

    /// <summary>Where the cursor is shown when it stands before character <paramref name="index"/>.</summary>
    public ScreenCell CursorAt(int index) => _before[Math.Clamp(index, 0, _before.Length - 1)];
}
