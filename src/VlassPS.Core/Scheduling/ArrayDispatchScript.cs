using System.Globalization;
using System.Text;
using VlassPS.Core.Workspace;

namespace VlassPS.Core.Scheduling;

/// <summary>
/// The script a Slurm job array runs: task i changes into its workspace's folder and execs that workspace's own
/// run script, with stdout/stderr in the workspace's logs (&lt;LogBase&gt;.&lt;array id&gt;_&lt;i&gt;.out/.err, as a
/// single job's would be). The dispatch table is a <c>case</c> on $SLURM_ARRAY_TASK_ID whose paths are each one
/// quoted word (<see cref="ShellQuote"/>), so no path is ever parsed by the shell.
/// </summary>
public static class ArrayDispatchScript
{
    public static string Render(IReadOnlyList<BatchArrayTask> tasks, string jobName, string vlassPsVersion)
    {
        if (tasks.Count == 0) throw new ArgumentException("A job array needs at least one task.", nameof(tasks));
        var sb = new StringBuilder();
        void L(string line = "") => sb.Append(line).Append('\n');
        L("#!/bin/bash");
        L(string.Create(CultureInfo.InvariantCulture, $"# Written by VlassPS {vlassPsVersion}: job array {jobName} of {tasks.Count} task(s)."));
        L("# Task i runs the run script of workspace i in its own folder, logs beside it (named after the task id).");
        L("set -u");
        L("task=${SLURM_ARRAY_TASK_ID:?not started as a Slurm array task}");
        L("id=${SLURM_ARRAY_JOB_ID:?not started as a Slurm array task}_$task");
        L("case $task in");
        for (int i = 0; i < tasks.Count; i++)
        {
            var t = tasks[i];
            L(string.Create(CultureInfo.InvariantCulture, $"  {i}) dir={ShellQuote.Quote(t.WorkingDirectory)}; script={ShellQuote.Quote(t.ScriptPath)}; log={ShellQuote.Quote(t.LogBase)} ;;"));
        }
        L("  *) echo \"vlassps: array task $task is not in this array's table\" >&2; exit 2 ;;");
        L("esac");
        L("cd -- \"$dir\" || { echo \"vlassps: array task $id: cannot enter $dir\" >&2; exit 1; }");
        L("exec bash -- \"$script\" >\"$log.$id.out\" 2>\"$log.$id.err\"");
        return sb.ToString();
    }
}
