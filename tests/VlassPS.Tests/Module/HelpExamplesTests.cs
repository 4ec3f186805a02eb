using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using VlassPS.TestServer;
using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Module;

/// <summary>
/// Every example in the BUILT MAML help runs: extracted from output/…/en-US/VlassPS.dll-Help.xml and run in real pwsh
/// in a sandbox holding the fixtures under the names the examples use, with a loopback archive. An example passes
/// when it writes no error and throws nothing (warnings are fine). Cmdlets are enumerated from the module, so a
/// new cmdlet without an example fails here.
/// </summary>
public sealed class HelpExamplesTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>Examples that cannot run here, with the reason. Keep it short.</summary>
    private static readonly Dictionary<string, string> NotRunnable = new()
    {
        ["Invoke-VlassCampaign #1"] = "names cluster folders (/lustre) that do not exist here; CampaignRunTests run passes on real Slurm",
        ["Invoke-VlassCampaign #2"] = "submits to a cluster; CampaignExampleTests runs examples/campaign.ps1 on real Slurm",
        ["Get-VlassCampaign #1"] = "needs a campaign work root on the cluster; CampaignRunTests read real ledgers",
        ["Get-VlassCampaign #2"] = "needs a campaign work root on the cluster; CampaignRunTests read real ledgers",
        ["Find-VlassExecutionBlock #2"] = "names the NRAO host https://vlass-dl.nrao.edu explicitly; the tests have no internet",
        ["New-VlassImagingWorkspace #2"] = "runs pipeline CASA from the install it names (-CasaPath ~/casa-6.6.6-17-pipeline-2025.1.1.61), which cannot exist here; Submit-VlassImaging #1 runs the same local job with the fake casa",
    };

    internal sealed record Example(string Id, string Cmdlet, string Code);

    internal static List<Example> ExamplesFromBuiltHelp()
    {
        string maml = Path.Combine(Path.GetDirectoryName(TestPaths.ModuleManifest)!, "en-US", "VlassPS.dll-Help.xml");
        var doc = XDocument.Load(maml);
        var list = new List<Example>();
        foreach (var cmd in doc.Descendants(Command + "command"))
        {
            string name = cmd.Element(Command + "details")!.Element(Command + "name")!.Value.Trim();
            int n = 0;
            foreach (var ex in cmd.Descendants(Command + "example"))
                list.Add(new Example($"{name} #{++n}", name, ex.Element(Dev + "code")!.Value));
        }
        return list;
    }

    [Fact]
    public void EveryExportedCmdletHasAnExampleInTheBuiltHelp()
    {
        using var ps = new ModuleSession();
        var exported = ps.Run("(Get-Module VlassPS).ExportedCmdlets.Keys").Select(o => o.ToString()!).ToList();
        var withExamples = ExamplesFromBuiltHelp().Select(e => e.Cmdlet).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = exported.Where(c => !withExamples.Contains(c)).ToList();
        Assert.True(missing.Count == 0, "no example in the built help for: " + string.Join(", ", missing));
    }

    [SkippableFact]
    public async Task EveryHelpExampleRuns()
    {
        Casa.CasaTestEnvironment.RequireOracle();
        string pwsh = PwshLocator.Require();
        var examples = ExamplesFromBuiltHelp();
        var stale = NotRunnable.Keys.Where(k => examples.All(e => e.Id != k)).ToList();
        Assert.True(stale.Count == 0, "stale NotRunnable entries: " + string.Join(", ", stale));
        var runnable = examples.Where(e => !NotRunnable.ContainsKey(e.Id)).ToList();

        string sandbox = Path.Combine(Path.GetTempPath(), "vlassps-help-" + Guid.NewGuid().ToString("N"));
        try
        {
            string inputs = Path.Combine(sandbox, "inputs");
            PrepareSandbox(inputs);
            using var server = new LoopbackHttpServer(Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "catalog", "quicklook"), "/quicklook/");
            server.MapText("/VLASS_dyn_summary.php", File.ReadAllText(SummaryTable()));
            string examplesJson = Path.Combine(sandbox, "examples.json"), resultJson = Path.Combine(sandbox, "results.json");
            File.WriteAllText(examplesJson, JsonSerializer.Serialize(runnable.Select(e => new { e.Id, e.Code })));

            var psi = new ProcessStartInfo(pwsh) { WorkingDirectory = sandbox, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-NoProfile", "-NonInteractive", "-File", Path.Combine(TestPaths.RepoRoot, "tests", "VlassPS.Tests", "Module", "HelpExamplesRunner.ps1"),
                         TestPaths.ModuleManifest, inputs, examplesJson, resultJson, new Uri(server.BaseUri, "/quicklook/").ToString(), new Uri(server.BaseUri, "/VLASS_dyn_summary.php").ToString() })
                psi.ArgumentList.Add(a);
            string home = Path.Combine(sandbox, "home");
            psi.Environment["HOME"] = home;
            psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
            psi.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
            psi.Environment["XDG_CACHE_HOME"] = Path.Combine(home, ".cache");
            psi.Environment["VLASSPS_DATA"] = Path.Combine(sandbox, "vlassps-data");
            psi.Environment["VLASSPS_CACHE"] = Path.Combine(sandbox, "vlassps-cache");
            psi.Environment.Remove("VLASSPS_CONFIG");
            // The cluster examples run on the local runner with the fake casa (a test double: CASA cannot be installed here).
            psi.Environment["VLASSPS_CASA"] = Path.Combine(TestPaths.RepoRoot, "tests", "fake-casa", "casa");
            psi.Environment["VLASSPS_SCHEDULER"] = "Local";
            psi.Environment.Remove("VLASSPS_PARTITION");
            psi.Environment.Remove("VLASSPS_ACCOUNT");
            psi.Environment.Remove("VLASSPS_ARCHIVE");
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10)))
                await p.WaitForExitAsync(timeout.Token);
            string err = await stderr, outText = await stdout;
            Assert.True(p.ExitCode == 0 && File.Exists(resultJson), $"runner failed ({p.ExitCode}): {err}\n{outText}");

            using var doc = JsonDocument.Parse(File.ReadAllText(resultJson));
            var failures = new List<string>();
            int ran = 0;
            foreach (var r in doc.RootElement.EnumerateArray())
            {
                ran++;
                var errors = r.GetProperty("Errors").EnumerateArray().Select(e => e.GetString()).ToList();
                string? threw = r.GetProperty("Threw").ValueKind == JsonValueKind.String ? r.GetProperty("Threw").GetString() : null;
                if (errors.Count > 0 || threw is not null)
                    failures.Add($"{r.GetProperty("Id").GetString()}: {threw ?? string.Join(" | ", errors)}");
            }
            Assert.Equal(runnable.Count, ran);
            // The execution-block table shows the epoch of each EB.
            string ebTable = doc.RootElement.EnumerateArray().Single(r => r.GetProperty("Id").GetString() == "Find-VlassExecutionBlock #1").GetProperty("Output").GetString()!;
            Assert.Matches(@"Tile\s+Epoch\s+Date", ebTable);
            Assert.Contains("VLASS2.1 ", ebTable);
            Assert.True(failures.Count == 0, $"{failures.Count} of {ran} help examples failed:\n" + string.Join("\n", failures));
        }
        finally
        {
            try { Directory.Delete(sandbox, true); } catch (IOException) { }
        }
    }

    /// <summary>Fixtures under the names the examples use (the runner adds the cluster examples' workspaces and split script).</summary>
    private static void PrepareSandbox(string dir)
    {
        Directory.CreateDirectory(dir);
        string casa = Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "casa");
        string fits = Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "fits");
        string seip = Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "seip");
        // x.ms: an OTF block around J0807+0432 (the examples' target), written by python-casacore.
        Casa.CasaTestEnvironment.RunOracle("example_ms.py", new[] { Path.Combine(dir, "x.ms") });
        foreach (var (src, name) in new[] { ("vlass_otf.ms", "a.ms"), ("vlass_split.ms", "b.ms"), ("vlass_split.ms", "J0807+0432_split.ms"),
                     ("vlass_split.ms", "VLASS2.1.sb38537709.eb38549479.59090.ms") })
            CopyDirectory(Path.Combine(casa, src), Path.Combine(dir, name));
        const string se = "VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0";
        foreach (var (src, name) in new[] { (se + ".subim.fits", se + ".subim.fits"), (se + ".rms.subim.fits", se + ".rms.subim.fits"),
                     (se + ".subim.fits", "image.fits"), (se + ".rms.subim.fits", "image.rms.fits"),
                     ("compare_a.fits", "official.fits"), ("compare_b.fits", "mine.fits"), ("regions.reg", "sources.reg") })
            File.Copy(Path.Combine(fits, src), Path.Combine(dir, name));
        File.WriteAllText(Path.Combine(dir, "targets.csv"), "Name,Ra,Dec\nJ0807+0432,121.98974,4.54293\nJ0808+0440,122.01,4.67\n");
        File.WriteAllText(Path.Combine(dir, "targets.tsv"), "Name\tRa\tDec\nJ0807+0432\t121.98974\t4.54293\n");
        Directory.CreateDirectory(Path.Combine(dir, "working"));
        File.Copy(Path.Combine(seip, "golden", "J0807_2023.1.1.8_slurm", "working", "SEIP_parameter.list"), Path.Combine(dir, "working", "SEIP_parameter.list"));
        File.Copy(Path.Combine(seip, "memo_style.list"), Path.Combine(dir, "old.list"));
        File.Copy(SummaryTable(), Path.Combine(dir, "VLASS_dyn_summary.txt"));
    }

    private static string SummaryTable()
    {
        foreach (var p in new[] { Path.Combine(TestPaths.RepoRoot, "..", "shared", "data", "VLASS_dyn_summary.txt"),
                     Path.Combine(TestPaths.RepoRoot, "..", "..", "shared", "data", "VLASS_dyn_summary.txt") })
            if (File.Exists(p)) return Path.GetFullPath(p);
        throw new FileNotFoundException("VLASS_dyn_summary.txt not found next to the repository (../shared/data)");
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyDirectory(d, Path.Combine(to, Path.GetFileName(d)));
    }

}
