namespace VlassPS.Host;

/// <summary>Command-line options, in pwsh's spelling (-File, -Command, -NoProfile is accepted and ignored).</summary>
internal sealed class HostOptions
{
    public string? File { get; private set; }
    public string? Command { get; private set; }
    public string[] Arguments { get; private set; } = Array.Empty<string>();
    public string? ModulePath { get; private set; }
    public bool NoModule { get; private set; }
    public bool ShowHelp { get; private set; }
    public bool ShowVersion { get; private set; }

    public const string Usage = """
        Usage: vlassps [-File <script.ps1> [arguments...]] [-Command '<commands>' | -Command -]
                       [-Module <path to VlassPS.psd1>] [-NoModule] [-Version] [-Help]
          With no -File or -Command: an interactive prompt (exit with 'exit').
          The VlassPS module is imported at start ($env:VLASSPS_MODULE overrides where from).
          Exit code: 0 on success, 1 when the script or command failed, or the script's 'exit N'.
        """;

    public static HostOptions Parse(string[] args)
    {
        var o = new HostOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string key = a.StartsWith("--", StringComparison.Ordinal) ? a[2..] : a.StartsWith('-') ? a[1..] : "";
            switch (key.ToLowerInvariant())
            {
                case "file" or "f":
                    o.File = Next(args, ref i, a);
                    o.Arguments = args[(i + 1)..];
                    return o;
                case "command" or "c":
                    string rest = string.Join(' ', args[(i + 1)..]);
                    if (rest.Length == 0) throw new ArgumentException("-Command needs the commands to run (or - to read them from standard input).");
                    o.Command = rest == "-" ? Console.In.ReadToEnd() : rest;
                    return o;
                case "module": o.ModulePath = Next(args, ref i, a); break;
                case "nomodule": o.NoModule = true; break;
                case "noprofile" or "nologo" or "noninteractive": break;
                case "help" or "h" or "?": o.ShowHelp = true; break;
                case "version" or "v": o.ShowVersion = true; break;
                default:
                    if (key.Length == 0 && o.File is null)
                    {
                        // pwsh runs a bare first argument as a script file.
                        o.File = a;
                        o.Arguments = args[(i + 1)..];
                        return o;
                    }
                    throw new ArgumentException($"Unknown option '{a}'.");
            }
        }
        return o;
    }

    private static string Next(string[] args, ref int i, string option)
    {
        if (i + 1 >= args.Length) throw new ArgumentException($"{option} needs a value.");
        return args[++i];
    }
}
