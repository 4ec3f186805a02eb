using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace VlassPS.Tests.Hosting;

/// <summary>A runspace of the real PowerShell engine with the BUILT module imported from output/.</summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleSession()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Run($"Import-Module '{TestPaths.ModuleManifest.Replace("'", "''")}' -ErrorAction Stop");
    }

    public Collection<PSObject> Run(string script, params object[] args)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var a in args) ps.AddArgument(a);
        var result = ps.Invoke();
        if (ps.Streams.Error.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, ps.Streams.Error.Select(e => $"{e.FullyQualifiedErrorId}: {e}")));
        return result;
    }

    public void Dispose() => _runspace.Dispose();
}
