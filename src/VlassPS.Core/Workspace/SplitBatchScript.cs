using System.Text;
using VlassPS.Core.IO;
using VlassPS.Core.Scheduling;

namespace VlassPS.Core.Workspace;

/// <summary>
/// run_split.&lt;name&gt;.sh beside a split script (New-VlassSplitScript output): runs
/// <c>casa --nogui --nologger -c &lt;split.py&gt;</c> under the scheduler's directives, so the split runs on
/// the cluster and the imaging job can depend on it (afterok).
/// </summary>
public static class SplitBatchScript
{
    public static readonly TimeSpan DefaultWallTime = TimeSpan.FromHours(4);
    public const int DefaultMemoryGB = 16;

    public static string PathFor(string splitScriptPath)
        => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(splitScriptPath)!, $"run_split.{SafeName.From(System.IO.Path.GetFileNameWithoutExtension(splitScriptPath))}.sh");

    public static string Render(IBatchSystem system, string splitScriptPath, CasaLocation casa, BatchResources resources, TimeSpan wallTime, string vlassPsVersion)
    {
        resources.Validate(system);
        string dir = System.IO.Path.GetDirectoryName(splitScriptPath)!;
        string name = System.IO.Path.GetFileName(PathFor(splitScriptPath));
        var header = new BatchScriptHeader
        {
            JobName = "split." + SafeName.From(System.IO.Path.GetFileNameWithoutExtension(splitScriptPath)),
            Resources = resources, WallTime = wallTime, WorkingDirectory = dir, LogBase = BatchScriptWriter.LogBase(name),
        };
        var sb = new StringBuilder();
        void L(string line = "") => sb.Append(line).Append('\n');
        L("#!/bin/bash");
        foreach (var d in system.Directives(header)) L(d);
        L();
        L($"# Written by VlassPS {vlassPsVersion}: runs the CASA split script; CASA from {casa.Source}.");
        L(system.SubmitHint(header));
        L("set -euo pipefail");
        L("cd -- " + ShellQuote.Quote(dir));
        L(ShellQuote.Join(new[] { casa.Casa, "--nogui", "--nologger", "-c", splitScriptPath }));
        return sb.ToString();
    }

    /// <summary>Writes the script (atomically, executable) and returns its path.</summary>
    public static string Write(string path, string text)
    {
        AtomicFile.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                       UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }
}
