using System.Globalization;
using System.Text;
using VlassPS.Core.Scheduling;

namespace VlassPS.Core.Workspace;

/// <summary>
/// Writes run_SE.&lt;name&gt;.sh; the directive lines and the submit hint come from the scheduler's
/// <see cref="IBatchSystem"/>. Directive lines carry only
/// validated options (no user prose; memo pitfall 15); every path is one quoted word built from an
/// argument list (memo pitfall 14), so no user text is ever parsed by the shell.
/// </summary>
public static class BatchScriptWriter
{
    public static string Write(ImagingWorkspaceSpec spec, TimeSpan wallTime, string vlassPsVersion)
    {
        var system = BatchSystems.For(spec.Scheduler);
        spec.Resources.Validate(system);
        var sb = new StringBuilder();
        void L(string line = "") => sb.Append(line).Append('\n');
        var header = new BatchScriptHeader
        {
            JobName = spec.SafeName, Resources = spec.Resources, WallTime = wallTime,
            WorkingDirectory = spec.WorkingDirectory, LogBase = LogBase(spec.BatchScriptName),
        };

        L("#!/bin/bash");
        foreach (var line in system.Directives(header)) L(line);
        L();
        L($"# Written by VlassPS {vlassPsVersion} for pipeline {spec.Profile.Version}; CASA from {spec.Casa.Source}.");
        L(system.SubmitHint(header));
        L("set -euo pipefail");
        L("cd -- " + ShellQuote.Quote(spec.WorkingDirectory));
        L("# CASA's matplotlib needs a display: xvfb-run -a starts a virtual X server on a free number. It takes the");
        L("# first number without a lock file, so jobs starting together on one node can pick the same one and fail");
        L("# (1 of 30 in a burst on the test cluster): each job starts its search at its own number.");
        L("xvfb_from=$(( 100 + $$ % 30000 ))");
        L("xvfb-run -a -n \"$xvfb_from\" " + ShellQuote.Join(CommandLine(spec).Skip(2)));
        return sb.ToString();
    }

    /// <summary>The run command as an argument list (before quoting).</summary>
    public static IReadOnlyList<string> CommandLine(ImagingWorkspaceSpec spec)
    {
        // -a (--auto-servernum) is understood by both the Debian and the Red Hat xvfb-run; Memo 20's -d
        // (--auto-display) exists only in the Red Hat one.
        var args = new List<string> { "xvfb-run", "-a" };
        if (spec.Resources.Cores > 1) args.AddRange(new[] { spec.Casa.MpiCasa, "-n", spec.Resources.Cores.ToString(CultureInfo.InvariantCulture) });
        args.AddRange(new[] { spec.Casa.Casa, "--pipeline", "--nogui", "--nologger", "-c", "command_script.py" });
        return args;
    }

    /// <summary>run_SE.x.sh -> run_SE.x: the base of the log file names the directives ask for.</summary>
    public static string LogBase(string scriptName) => scriptName.EndsWith(".sh", StringComparison.Ordinal) ? scriptName[..^3] : scriptName;
}
