using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using VlassPS.Core.Catalog;

namespace VlassPS.Tests.Catalog;

/// <summary>
/// Runs a script in a real PowerShell engine with the BUILT module (output/VlassPS/&lt;ver&gt;/VlassPS.psd1) imported.
/// </summary>
internal sealed class ModuleSession : IDisposable
{
    private readonly PowerShell _ps;

    public ModuleSession()
    {
        // Load VlassPS.Core from the test's references first, so output objects are the types the tests see.
        _ = typeof(SurveyCatalog).Assembly;
        var manifest = Directory.GetFiles(Path.Combine(CatalogTestData.RepoRoot, "output", "VlassPS"), "VlassPS.psd1", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        _ps = PowerShell.Create(InitialSessionState.CreateDefault2());
        _ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop").Invoke();
        _ps.Commands.Clear();
    }

    public void Set(string name, object? value) => _ps.Runspace.SessionStateProxy.SetVariable(name, value);

    public Collection<PSObject> Run(string script)
    {
        _ps.Commands.Clear();
        _ps.Streams.ClearStreams();
        _ps.AddScript(script);
        return _ps.Invoke();
    }

    public IReadOnlyList<ErrorRecord> Errors => _ps.Streams.Error.ToList();
    public IReadOnlyList<WarningRecord> Warnings => _ps.Streams.Warning.ToList();
    public IReadOnlyList<ProgressRecord> Progress => _ps.Streams.Progress.ToList();

    public static T[] Of<T>(Collection<PSObject> output) => output.Select(o => (T)o.BaseObject).ToArray();

    public void Dispose() => _ps.Dispose();
}
