using VlassPS.Host.LineEditing;

namespace VlassPS.Host;

/// <summary>A plain read-eval-print prompt; incomplete input (an open brace) continues on the next line.</summary>
internal sealed class InteractiveLoop
{
    private readonly HostSession _session;
    private readonly ConsoleHost _host;

    public InteractiveLoop(HostSession session, ConsoleHost host)
    {
        _session = session;
        _host = host;
    }

    public int Run()
    {
        Console.WriteLine("VlassPS console host (PowerShell engine built in). Type 'exit' to leave, 'Get-Help about_VlassPS' to start.");
        bool lastOk = true;
        while (_host.ExitCode is null)
        {
            Console.Write("VlassPS> ");
            string? line = Console.ReadLine();
            if (line is null) break;
            var text = line;
            while (InputCompleteness.IsIncomplete(text))
            {
                Console.Write(">> ");
                string? more = Console.ReadLine();
                if (more is null) break;
                text += "\n" + more;
            }
            if (text.Trim() is "exit" or "quit") break;
            if (text.Trim().Length == 0) continue;
            lastOk = _session.RunInteractive(text);
        }
        return _host.ExitCode ?? (lastOk ? 0 : 1);
    }
}
