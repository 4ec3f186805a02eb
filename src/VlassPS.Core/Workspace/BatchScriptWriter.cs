using System.Globalization;
using System.Text;

namespace VlassPS.Core.Workspace;

/// <summary>
/// Writes run_SE.&lt;name&gt;.sh for Slurm, PBS/Torque or local execution. Directive lines carry only
/// validated options (no user prose; memo pitfall 15); every path is one quoted word built from an
/// argument list (memo pitfall 14), so no user text is ever parsed by the shell.
/// </summary>
public static class BatchScriptWriter
{
    public static string Write(ImagingWorkspaceSpec spec, TimeSpan wallTime, string vlassPsVersion)
    {
        var r = spec.Resources;
        r.Validate(spec.Scheduler);
        var sb = new StringBuilder();
        void L(string line = "") => sb.Append(line).Append('\n');
        string job = spec.SafeName;
        string log = $"run_SE.{job}";
        bool chdirSafe = IsDirectiveSafe(spec.WorkingDirectory);

        L("#!/bin/bash");
        switch (spec.Scheduler)
        {
            case BatchScheduler.Slurm:
                L($"#SBATCH --job-name={job}");
                L("#SBATCH --nodes=1");
                L(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --ntasks={r.Cores}"));
                L("#SBATCH --cpus-per-task=1");
                L(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --mem={r.MemoryGB}G"));
                L($"#SBATCH --time={SlurmTime(wallTime)}");
                if (r.Partition is not null) L($"#SBATCH --partition={r.Partition}");
                if (r.Account is not null) L($"#SBATCH --account={r.Account}");
                if (r.MailUser is not null)
                {
                    L($"#SBATCH --mail-type={r.MailType ?? "END,FAIL"}");
                    L($"#SBATCH --mail-user={r.MailUser}");
                }
                L($"#SBATCH --output={log}.%j.out");
                L($"#SBATCH --error={log}.%j.err");
                if (chdirSafe) L($"#SBATCH --chdir={spec.WorkingDirectory}");
                L("#SBATCH --export=ALL");
                break;
            case BatchScheduler.Pbs:
                L($"#PBS -N {job}");
                L(string.Create(CultureInfo.InvariantCulture, $"#PBS -l nodes=1:ppn={r.Cores}"));
                L(string.Create(CultureInfo.InvariantCulture, $"#PBS -l mem={r.MemoryGB}gb"));
                L($"#PBS -l walltime={PbsTime(wallTime)}");
                if (r.Partition is not null) L($"#PBS -q {r.Partition}");
                if (r.Account is not null) L($"#PBS -A {r.Account}");
                if (r.MailUser is not null)
                {
                    L($"#PBS -m {r.MailType ?? "ae"}");
                    L($"#PBS -M {r.MailUser}");
                }
                L($"#PBS -o {log}.out");
                L("#PBS -j oe");
                L("#PBS -V");
                break;
        }
        L();
        L($"# Written by VlassPS {vlassPsVersion} for pipeline {spec.Profile.Version}; CASA from {spec.Casa.Source}.");
        L(spec.Scheduler switch
        {
            BatchScheduler.Slurm => chdirSafe ? "# Submit with: sbatch <this script>" : "# Submit from the working folder (its path cannot go into a directive line): sbatch <this script>",
            BatchScheduler.Pbs => "# Submit from the working folder: qsub <this script>",
            _ => "# Run with: bash <this script>",
        });
        L("set -euo pipefail");
        L("cd -- " + ShellQuote.Quote(spec.WorkingDirectory));
        L("# CASA's matplotlib needs a display: xvfb-run -a starts a virtual X server on a free number.");
        L(ShellQuote.Join(CommandLine(spec)));
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

    private static bool IsDirectiveSafe(string path) => path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+');

    private static string SlurmTime(TimeSpan t)
    {
        long minutes = (long)Math.Ceiling(t.TotalMinutes);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 1440}-{minutes % 1440 / 60:00}:{minutes % 60:00}:00");
    }

    private static string PbsTime(TimeSpan t)
    {
        long minutes = (long)Math.Ceiling(t.TotalMinutes);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}:00");
    }
}
