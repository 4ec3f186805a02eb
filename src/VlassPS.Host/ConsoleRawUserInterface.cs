using System.Management.Automation.Host;

namespace VlassPS.Host;

/// <summary>
/// Gives Out-Default a real line width (the terminal's, or $COLUMNS, or 120 when redirected) so table views
/// are laid out as in pwsh.
/// </summary>
internal sealed class ConsoleRawUserInterface : PSHostRawUserInterface
{
    private static int Width()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int c) && c > 20) return c;
        try { if (!Console.IsOutputRedirected && Console.WindowWidth > 20) return Console.WindowWidth; }
        catch (IOException) { }
        return 120;
    }

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public override Size BufferSize { get => new(Width(), 9999); set { } }
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; } = 1;
    public override bool KeyAvailable => false;
    public override Size MaxPhysicalWindowSize => new(Width(), 100);
    public override Size MaxWindowSize => new(Width(), 100);
    public override Coordinates WindowPosition { get; set; }
    public override Size WindowSize { get => new(Width(), 50); set { } }
    public override string WindowTitle { get; set; } = "vlassps";

    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("vlassps does not read single keys.");
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
}
