using System.Text;
using VlassPS.Core.Seip;
using VlassPS.Core.Sky;
using VlassPS.Core.Workspace;

namespace VlassPS.Tests.Seip;

/// <summary>
/// Generated scripts compile (python3 -m py_compile), parse (bash -n), pass shellcheck, and never run
/// user text: a canary run executes the local script with a FAKE casa (the only test double, since CASA
/// cannot exist here) that records its argv, and checks that no injected command ran.
/// </summary>
public class WorkspaceSafetyTests
{
    private const string Hostile = "it's \"quoted\" $(touch CANARY) `touch CANARY` ; touch CANARY & $HOME\nnew line \u00e9\u2212\U0001F30C \\ *";

    private static ImagingWorkspaceSpec HostileSpec(string root, string casaPath, BatchScheduler scheduler, int cores = 1)
    {
        var center = new SkyPosition(121.98974, 4.54293);
        var list = SeipParameterListFactory.Create(center, VlassPS.Core.Geometry.ImageGeometry.Create(500, center: center),
            imageName: "img'$(touch_CANARY)`x`\"", version: PipelineVersion.Memo2023);
        list["x_note"] = Hostile;
        return new ImagingWorkspaceSpec
        {
            Name = Hostile,
            Root = root,
            ParameterList = list,
            MeasurementSets = new[] { Path.Combine(root, "ms " + Hostile + ".ms") },
            Profile = PipelineProfile.For(PipelineVersion.Memo2023),
            Casa = CasaLocation.FromPath(casaPath, "Parameter"),
            Scheduler = scheduler,
            QlDatabase = "/db/" + Hostile + ".fits",
            Resources = new BatchResources { Cores = cores, Partition = "batch", Account = "acct", MailUser = "a.b@example.org" },
            ScienceSizeArcsec = (500, 500),
        };
    }

    public static TheoryData<string, BatchScheduler, int> Variants() => new()
    {
        { "golden", BatchScheduler.Slurm, 0 },
        { "hostile", BatchScheduler.Slurm, 4 },
        { "hostile", BatchScheduler.Pbs, 4 },
        { "hostile", BatchScheduler.Local, 1 },
        { "hostile", BatchScheduler.Local, 8 },
    };

    private static IEnumerable<ImagingWorkspacePlan> Plans(string kind, BatchScheduler scheduler, int cores)
    {
        if (kind == "golden")
            return WorkspaceCases.All().Select(c => ImagingWorkspacePlan.Create(c.Spec, WorkspaceCases.Version));
        string root = "/tmp/root " + Hostile;
        return new[] { ImagingWorkspacePlan.Create(HostileSpec(root, root + "/casa dir/bin/casa", scheduler, cores), WorkspaceCases.Version) };
    }

    [SkippableTheory]
    [MemberData(nameof(Variants))]
    public void Scripts_compile_parse_and_pass_shellcheck(string kind, BatchScheduler scheduler, int cores)
    {
        VlassPS.Tests.Oracle.RequirePython();
        string shellcheck = VlassPS.Tests.Oracle.RequireTool("shellcheck");
        string dir = SeipTestSupport.TempDir("seip-lint");
        try
        {
            int n = 0;
            foreach (var plan in Plans(kind, scheduler, cores))
            {
                string py = Path.Combine(dir, $"command_script_{n}.py");
                string sh = Path.Combine(dir, $"run_{n}.sh");
                string list = Path.Combine(dir, $"SEIP_{n}.list");
                n++;
                File.WriteAllText(py, plan.Files["working/command_script.py"], new UTF8Encoding(false));
                File.WriteAllText(sh, plan.Files["working/" + plan.Spec.BatchScriptName], new UTF8Encoding(false));
                File.WriteAllText(list, plan.Files["working/SEIP_parameter.list"], new UTF8Encoding(false));
                foreach (var content in plan.Files.Values) Assert.All(content, c => Assert.True(c == '\n' || (c >= ' ' && c <= '~'), $"non-ASCII or control U+{(int)c:X4}"));

                var compile = SeipTestSupport.Run(SeipTestSupport.Python, new[] { "-m", "py_compile", py });
                Assert.True(compile.Exit == 0, compile.Stderr);
                var bashN = SeipTestSupport.Run("/usr/bin/bash", new[] { "-n", sh });
                Assert.True(bashN.Exit == 0, bashN.Stderr);
                var check = SeipTestSupport.Run(shellcheck, new[] { "--shell=bash", "--severity=style", sh });
                Assert.True(check.Exit == 0, check.Stdout + check.Stderr + "\n" + File.ReadAllText(sh));
                // The parameter list reads back as the model in Python too.
                var oracle = SeipTestSupport.Run(SeipTestSupport.Python, new[] { SeipTestSupport.Oracle("literal_eval.py"), list });
                Assert.True(oracle.Exit == 0 && oracle.Stdout.Contains("\"error\": null"), oracle.Stdout + oracle.Stderr);
                // Directive lines contain only options: no user text can reach them.
                foreach (var line in plan.Files["working/" + plan.Spec.BatchScriptName].Split('\n').Where(l => l.StartsWith("#SBATCH") || l.StartsWith("#PBS")))
                    Assert.Matches(@"^#(SBATCH|PBS) [-A-Za-z0-9_=:,.+@%/ ]+$", line);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public void Canary_local_run_executes_no_user_text_and_passes_argv_exactly()
    {
        if (OperatingSystem.IsWindows()) return;
        VlassPS.Tests.Oracle.RequireTool("xvfb-run");
        string baseDir = SeipTestSupport.TempDir("seip-canary");
        try
        {
            // Hostile root folder (quotes, $(), backticks, newline, non-ASCII) and a hostile CASA folder.
            string root = Path.Combine(baseDir, "root " + Hostile);
            string casaDir = Path.Combine(baseDir, "casa " + Hostile);
            Directory.CreateDirectory(casaDir);
            string argvLog = Path.Combine(baseDir, "argv.log");
            string fakeCasa = Path.Combine(casaDir, "fake-casa");
            // fake-casa: records the working directory and every argument, NUL-separated, then exits 0.
            File.WriteAllText(fakeCasa, "#!/bin/bash\n{ printf '%s\\0' \"$PWD\"; printf '%s\\0' \"$@\"; } > \"$FAKE_CASA_LOG\"\n", new UTF8Encoding(false));
            File.SetUnixFileMode(fakeCasa, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var spec = HostileSpec(root, fakeCasa, BatchScheduler.Local, cores: 1);
            var plan = ImagingWorkspacePlan.Create(spec, WorkspaceCases.Version);
            Assert.Equal(WorkspaceStatus.Created, WorkspaceWriter.Write(plan, force: false));
            Assert.True(Directory.Exists(spec.ProductsDirectory));
            string script = Path.Combine(spec.WorkingDirectory, spec.BatchScriptName);

            var run = SeipTestSupport.Run("/usr/bin/bash", new[] { script }, workDir: baseDir,
                env: new Dictionary<string, string> { ["FAKE_CASA_LOG"] = argvLog });
            Assert.True(run.Exit == 0, run.Stdout + run.Stderr);

            // No canary anywhere below the test folder or in the folders the script could have run in.
            // (The touch target is a file named exactly CANARY; sanitised folder names may contain the word.)
            var canaries = Directory.GetFiles(baseDir, "CANARY", SearchOption.AllDirectories)
                .Concat(Directory.GetFiles(Path.GetTempPath(), "CANARY"))
                .Concat(Directory.GetFiles(baseDir, "touch_CANARY", SearchOption.AllDirectories)).ToList();
            Assert.True(canaries.Count == 0, "canary files: " + string.Join(" | ", canaries));
            Assert.False(File.Exists(Path.Combine(spec.WorkingDirectory, "CANARY")));

            var recorded = File.ReadAllText(argvLog, Encoding.UTF8).Split('\0')[..^1];
            Assert.Equal(spec.WorkingDirectory, recorded[0]);
            Assert.Equal(new[] { "--pipeline", "--nogui", "--nologger", "-c", "command_script.py" }, recorded[1..]);

            // Re-running with the same inputs is idempotent; changed inputs are refused with the differences.
            Assert.Equal(WorkspaceStatus.Unchanged, WorkspaceWriter.Write(ImagingWorkspacePlan.Create(spec, WorkspaceCases.Version), force: false));
            var changed = HostileSpec(root, fakeCasa, BatchScheduler.Local, cores: 2);
            var ex = Assert.Throws<WorkspaceConflictException>(() => WorkspaceWriter.Write(ImagingWorkspacePlan.Create(changed, WorkspaceCases.Version), force: false));
            Assert.Contains(ex.Differences, d => d.File == "working/" + spec.BatchScriptName);
            Assert.DoesNotContain(ex.Differences, d => d.File == "working/SEIP_parameter.list");
            Assert.Equal(WorkspaceStatus.Updated, WorkspaceWriter.Write(ImagingWorkspacePlan.Create(changed, WorkspaceCases.Version), force: true));
        }
        finally { Directory.Delete(baseDir, true); }
    }

    [Fact]
    public void Shell_quoting_round_trips_through_bash()
    {
        string[] words = { "plain", "", "it's", "$(touch CANARY)", "`x`", "a\nb", "\u00e9\U0001F30C", "\\", "'", "*", "~", "-n", "a b", "$HOME" };
        string script = "printf '%s\\0' " + ShellQuote.Join(words) + "\n";
        var run = SeipTestSupport.Run("/usr/bin/bash", new[] { "-c", script });
        Assert.Equal(0, run.Exit);
        Assert.Equal(words, run.Stdout.Split('\0')[..^1]);
        Assert.All(script, c => Assert.True(c == '\n' || (c >= ' ' && c <= '~')));
    }
}
