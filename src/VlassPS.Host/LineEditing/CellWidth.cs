using System.Globalization;
using System.Text;

namespace VlassPS.Host.LineEditing;

/// <summary>
/// How many terminal cells a character takes: 2 for East Asian wide and fullwidth characters (and emoji), 0 for
/// combining marks, 2 for a control character (shown as ^X), else 1. The editor lays out wrapped lines with it.
/// </summary>
internal static class CellWidth
{
    // East Asian Wide (W) and Fullwidth (F) blocks, after Markus Kuhn's wcwidth, plus the emoji blocks; sorted.
    private static readonly (int From, int To)[] Wide =
    {
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
        (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
        (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xA960, 0xA97F),
        (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
        (0x1F300, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F900, 0x1F9FF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    };

    public static int Of(Rune r)
    {
        int v = r.Value;
        if (v < 0x20 || v == 0x7F) return 2;
        if (v < 0x300) return 1;
        var category = Rune.GetUnicodeCategory(r);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) return 0;
        if (v is 0x200B or (>= 0x1160 and <= 0x11FF)) return 0;
        foreach (var (from, to) in Wide)
        {
            if (v < from) return 1;
            if (v <= to) return 2;
        }
        return 1;
    }

    /// <summary>What the terminal is sent for a rune: itself, or ^X for a control character.</summary>
    public static string Display(Rune r)
        => r.Value < 0x20 ? "^" + (char)(r.Value + 0x40) : r.Value == 0x7F ? "^?" : r.ToString();
}
