using System.Management.Automation.Runspaces;
using VlassPS.Host.LineEditing;

namespace VlassPS.Host;

/// <summary>
/// The interactive prompt on a terminal: pwsh's own console host (Microsoft.PowerShell.ConsoleHost), with
/// VlassPS imported at start. It brings what users expect from pwsh: history (Up arrow, Get-History), in-line
/// editing, Tab completion of commands, parameters and argument completers, and Ctrl+C that stops the running
/// pipeline and keeps the session. PSReadLine is not shipped in the SDK and the console host's own ReadLine on
/// Linux has no history keys or completion, so the line is read by our editor (LineEditing/), plugged in through
/// the PSConsoleHostReadLine hook as PSReadLine is. Only when the terminal is both input and output.
/// </summary>
internal static class ConsoleShellPrompt
{
    public static int Run(string? modulePath)
    {
        var iss = InitialSessionState.CreateDefault2();
        if (modulePath is not null) iss.ImportPSModule(modulePath);
        iss.Commands.Add(new SessionStateFunctionEntry("prompt", "\"VlassPS $($executionContext.SessionState.Path.CurrentLocation)> \""));
        if (!Console.IsOutputRedirected)
            iss.Commands.Add(new SessionStateFunctionEntry(ConsoleReadLine.FunctionName, ConsoleReadLine.FunctionBody));
        string banner = "VlassPS console host (PowerShell engine built in). Type 'exit' to leave, 'Get-Help about_VlassPS' to start.";
        return Microsoft.PowerShell.ConsoleShell.Start(iss, banner, helpText: null, new[] { "-NoLogo", "-NoProfile" });
    }
}
