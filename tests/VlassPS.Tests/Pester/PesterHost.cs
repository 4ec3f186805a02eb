using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace VlassPS.Tests.Pester;

/// <summary>
/// Real Pester (restored from NuGet at the version pinned in VlassPS.Tests.csproj), hosted in-process on
/// Microsoft.PowerShell.SDK. One runspace imports Pester once and runs one file at a time, as
/// `Invoke-Pester tests/pester` does in one pwsh session; each file runs once and its results are cached.
/// </summary>
public static class PesterHost
{
    private static readonly object Gate = new();
    private static readonly Lazy<Runspace> Shared = new(Open);
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<PesterRow>>> Runs = new();

    /// <summary>Pester.psd1 in the NuGet package folder; the path is baked in at build time (PesterManifest).</summary>
    public static string PesterManifest
    {
        get
        {
            string? path = typeof(PesterHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "PesterManifest")?.Value;
            if (path is null || !File.Exists(path))
                throw new InvalidOperationException($"Pester is not restored at '{path}': run 'dotnet restore' (the test project downloads it).");
            return path;
        }
    }

    /// <summary>Pester's discovery over the files (no It runs); one row per It, keyed by template path and occurrence.</summary>
    public static IReadOnlyList<PesterRow> Discover(IEnumerable<string> files, string root)
        => Invoke(Shared.Value, "Get-BridgeCase", files.ToArray(), root);

    /// <summary>Runs one file once (cached); every It's result.</summary>
    public static IReadOnlyList<PesterRow> RunFile(string file, string root)
        => Runs.GetOrAdd(Path.GetFullPath(file), p => new Lazy<IReadOnlyList<PesterRow>>(() => Invoke(Shared.Value, "Invoke-BridgeFile", p, root))).Value;

    /// <summary>Runs one file in a fresh runspace, uncached (the self-tests).</summary>
    public static IReadOnlyList<PesterRow> RunFileIsolated(string file, string root)
    {
        using var runspace = Open();
        return Invoke(runspace, "Invoke-BridgeFile", Path.GetFullPath(file), root);
    }

    private static Runspace Open()
    {
        var iss = InitialSessionState.CreateDefault2();
        var runspace = RunspaceFactory.CreateRunspace(iss);
        runspace.Open();
        using var ps = PowerShell.Create(runspace);
        ps.AddCommand("Import-Module").AddParameter("Name", PesterManifest).AddParameter("ErrorAction", "Stop").AddStatement()
          .AddScript(". $args[0]").AddArgument(Path.Combine(AppContext.BaseDirectory, "Pester", "PesterBridge.ps1"));
        ps.Invoke();
        return runspace;
    }

    private static IReadOnlyList<PesterRow> Invoke(Runspace runspace, string command, object path, string root)
    {
        lock (Gate)
        {
            using var ps = PowerShell.Create(runspace);
            ps.AddCommand(command).AddParameter("Path", path).AddParameter("Root", root);
            var rows = ps.Invoke().Where(o => o is not null).Select(o => new PesterRow(
                Text(o, "File"), Text(o, "Key"), Text(o, "Name"), Text(o, "Result"), Text(o, "Message"))).ToList();
            if (ps.HadErrors && rows.Count == 0)
                throw new InvalidOperationException($"{command} {path}: " + string.Join(Environment.NewLine, ps.Streams.Error.Select(e => $"{e} {e.ScriptStackTrace}")));
            return rows;
        }
    }

    private static string Text(PSObject o, string name) => o.Properties[name]?.Value?.ToString() ?? "";
}

/// <summary>One It: its file (relative to the test root), key, Describe/Context/It path, result and error text.</summary>
public sealed record PesterRow(string File, string Key, string Name, string Result, string Message)
{
    public string DisplayName => $"{File} › {Name}";

    /// <summary>The xUnit outcome: Passed returns, Skipped throws a skip, anything else (Failed, NotRun, Inconclusive) fails.</summary>
    public void Report()
    {
        if (Result == "Passed") return;
        if (Result == "Skipped")
        {
            // The bridge always gives Pester's reason (Set-ItResult -Because) or says where -Skip was set.
            Skip.If(true, string.IsNullOrWhiteSpace(Message) ? $"{DisplayName}: skipped by Pester, which gave no reason." : Message);
            return;
        }
        Assert.Fail($"{DisplayName}: {Result}{Environment.NewLine}{Message}");
    }
}
