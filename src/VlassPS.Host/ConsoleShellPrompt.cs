using System.Management.Automation.Runspaces;

namespace VlassPS.Host;

/// <summary>
/// The interactive prompt on a terminal: pwsh's own console host (Microsoft.PowerShell.ConsoleHost), with
/// VlassPS imported at start. It brings what users expect from pwsh: history (Up arrow, Get-History), in-line
/// editing, Tab completion of commands, parameters and argument completers, and Ctrl+C that stops the running
/// pipeline and keeps the session. (PSReadLine is not shipped in the SDK, so editing is the console host's own.)
/// </summary>
internal static class ConsoleShellPrompt
{
    public static int Run(string? modulePath)
    {
        var iss = InitialSessionState.CreateDefault2();
        if (modulePath is not null) iss.ImportPSModule(modulePath);
        iss.Commands.Add(new SessionStateFunctionEntry("prompt", "\"VlassPS $($executionContext.SessionState.Path.CurrentLocation)> \""));
        string banner = "VlassPS console host (PowerShell engine built in). Type 'exit' to leave, 'Get-Help about_VlassPS' to start.";
        return Microsoft.PowerShell.ConsoleShell.Start(iss, banner, helpText: null, new[] { "-NoLogo", "-NoProfile" });
    }
}
