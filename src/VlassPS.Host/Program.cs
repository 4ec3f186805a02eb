using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace VlassPS.Host;

/// <summary>
/// vlassps: runs PowerShell scripts and commands with the VlassPS module on machines without pwsh
/// (the PowerShell 7.6 engine is built in). Output goes through Out-Default, so the module's table views render.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        HostOptions options;
        try { options = HostOptions.Parse(args); }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"vlassps: {ex.Message}");
            Console.Error.WriteLine(HostOptions.Usage);
            return 64;
        }
        if (options.ShowHelp) { Console.WriteLine(HostOptions.Usage); return 0; }
        if (options.ShowVersion) { Console.WriteLine(typeof(Program).Assembly.GetName().Version); return 0; }

        if (options.File is null && options.Command is null && !Console.IsInputRedirected)
        {
            string? module = options.NoModule ? null : ModuleLocator.Find(options.ModulePath);
            if (module is not null && !File.Exists(module))
            {
                Console.Error.WriteLine($"vlassps: the VlassPS module was not found at {module} (build it with 'dotnet build', or set VLASSPS_MODULE).");
                return 70;
            }
            return ConsoleShellPrompt.Run(module);
        }

        // Scripts, -Command and piped input: our own small host (pwsh's exit codes, errors on stderr).
        var host = new ConsoleHost();
        using var session = new HostSession(host, options.NoModule ? null : ModuleLocator.Find(options.ModulePath));
        if (!session.Open(out string? openError))
        {
            Console.Error.WriteLine($"vlassps: {openError}");
            return 70;
        }
        if (options.File is not null) return session.RunFile(options.File, options.Arguments);
        if (options.Command is not null) return session.RunCommand(options.Command);
        return new InteractiveLoop(session, host).Run();
    }
}
