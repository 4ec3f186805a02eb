using VlassPS.Core.Processes;
using VlassPS.Core.Scheduling;

namespace VlassPS.Tests.Cluster;

/// <summary>
/// The Slurm array dispatch script for hostile paths: it parses (bash -n), passes shellcheck, and when bash runs it as
/// task i (SLURM_ARRAY_JOB_ID/SLURM_ARRAY_TASK_ID set as Slurm sets them) it runs exactly script i in folder i with
/// its logs there, named after the task id; an index outside the table fails without running anything.
/// </summary>
public sealed class ArrayDispatchScriptTests
{
    private static readonly string[] Names =
    {
        "plain", "with space", "quote'd \"double\"", "dollar $HOME `id`", "semi;colon&amp|pipe", "new\nline", "glob*?[x]", "ünï cödé", "-dash", "back\\slash",
    };

    [SkippableFact]
    public void Dispatch_script_runs_task_i_in_its_own_folder_for_any_path_and_passes_shellcheck()
    {
        string shellcheck = Oracle.RequireTool("shellcheck");
        string root = Path.Combine(Path.GetTempPath(), "vlassps-array-dispatch-" + Guid.NewGuid().ToString("N")[..8]);
        var tasks = new List<BatchArrayTask>();
        foreach (var name in Names)
        {
            string dir = Path.Combine(root, name, "working");
            Directory.CreateDirectory(dir);
            string script = Path.Combine(dir, "run_SE." + tasks.Count + ".sh");
            // Each run script proves where it ran and that it is this task's script.
            File.WriteAllText(script, "#!/bin/bash\necho \"ran $0 in $PWD\"\necho oops >&2\n");
            tasks.Add(new BatchArrayTask { ScriptPath = script, WorkingDirectory = dir, LogBase = "run_SE." + tasks.Count });
        }
        string text = ArrayDispatchScript.Render(tasks, "vc1234abcd-ia-test-0123456789-n10", "0.1.0");
        Assert.All(text, c => Assert.True(c == '\n' || (c >= ' ' && c <= '~'), $"non-ASCII or control U+{(int)c:X4}"));
        string path = Path.Combine(root, "dispatch.sh");
        File.WriteAllText(path, text);

        var parse = ProcessRunner.Run("/usr/bin/bash", new[] { "-n", path }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(parse.ExitCode == 0, parse.Output);
        var check = ProcessRunner.Run(shellcheck, new[] { "--shell=bash", "--severity=style", path }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(60) });
        Assert.True(check.ExitCode == 0, check.Output + "\n" + text);

        for (int i = 0; i < tasks.Count; i++)
        {
            var r = Run(path, i);
            Assert.True(r.ExitCode == 0, r.Output);
            string log = Path.Combine(tasks[i].WorkingDirectory, $"run_SE.{i}.777_{i}");
            Assert.Equal($"ran {tasks[i].ScriptPath} in {tasks[i].WorkingDirectory}\n", File.ReadAllText(log + ".out"));
            Assert.Equal("oops\n", File.ReadAllText(log + ".err"));
        }
        // Each folder holds only its own task's logs.
        for (int i = 0; i < tasks.Count; i++)
            Assert.Equal(3, Directory.GetFiles(tasks[i].WorkingDirectory).Length);

        var outside = Run(path, tasks.Count);
        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("not in this array's table", outside.StandardError);
        var notArray = ProcessRunner.Run("/usr/bin/bash", new[] { path }, new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.NotEqual(0, notArray.ExitCode);
        Directory.Delete(root, recursive: true);
    }

    private static ProcessResult Run(string path, int task)
    {
        var o = new ProcessOptions
        {
            Timeout = TimeSpan.FromSeconds(30),
            Environment = new Dictionary<string, string?> { ["SLURM_ARRAY_JOB_ID"] = "777", ["SLURM_ARRAY_TASK_ID"] = task.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return ProcessRunner.Run("/usr/bin/bash", new[] { path }, o);
    }
}
