namespace VlassPS.Host.LineEditing;

/// <summary>What the editor needs from a terminal: keys in, text out, the width and where the prompt ended.
/// The real one is <see cref="SystemEditorConsole"/>; unit tests script the keys.</summary>
internal interface IEditorConsole
{
    ConsoleKeyInfo ReadKey();
    bool KeyAvailable { get; }
    int Width { get; }
    int CursorColumn { get; }
    TextWriter Out { get; }
}

/// <summary>System.Console, read key by key with Ctrl+C delivered as a key (not as a signal) while the line is edited.</summary>
internal sealed class SystemEditorConsole : IEditorConsole
{
    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);
    public bool KeyAvailable => Console.KeyAvailable;
    public int Width => Console.WindowWidth > 0 ? Console.WindowWidth : 80;
    public int CursorColumn => Console.CursorLeft;
    public TextWriter Out => Console.Out;
}
