using System.Diagnostics;
using System.Text;
using System.Text.Json;
using VlassPS.Core.Fields;

namespace VlassPS.Tests.Casa;

/// <summary>Generated split scripts are valid Python for any user text and pass exactly the intended arguments.</summary>
public sealed class SplitScriptTests
{
    private static readonly string[] Nasty =
    {
        "plain", "it's", "say \"hi\"", "back\\slash\\", "trailing\\", "new\nline", "cr\rlf\r\n", "tab\there", "$(rm -rf ~)", "`backtick`",
        "spaces  in  name", "Ünïcode ☃", "emoji 🛰️", "'''triple'''", "\"\"\"", "# not a comment", "\0nul", "\u2028sep", "\x7fdel",
        "%s %d {0}", "C:\\Users\\x\\ms", "/a/b c/d.ms",
    };

    private static string RandomText(Random r)
    {
        var sb = new StringBuilder();
        int parts = 1 + r.Next(3);
        for (int i = 0; i < parts; i++) sb.Append(Nasty[r.Next(Nasty.Length)]);
        if (r.Next(4) == 0) sb.Append((char)r.Next(1, 0xD7FF));
        return sb.ToString();
    }

    [SkippableFact]
    public void ScriptsCompileAndPassExactlyTheArgumentsForAnyText()
    {
        CasaTestEnvironment.RequireOracle();
        string dir = CasaTestEnvironment.NewTempDir("casa-split");
        try
        {
            var rnd = new Random(42);
            for (int k = 0; k < 40; k++)
            {
                string target = RandomText(rnd);
                var jobs = Enumerable.Range(0, 1 + rnd.Next(3)).Select(j => new SplitJob
                {
                    MeasurementSet = RandomText(rnd) + ".ms",
                    OutputVis = Path.Combine(dir, RandomText(rnd) + ".ms"),
                    Field = FieldSelector.CompressIds(Enumerable.Range(0, 1 + rnd.Next(50)).Select(_ => rnd.Next(3000))),
                    DataColumn = rnd.Next(2) == 0 ? "data" : "corrected",
                    FieldCount = 3,
                    SelectedRows = rnd.Next(1000),
                    TotalRows = 1000 + rnd.Next(1000),
                }).ToList();
                string text = SplitScript.Render(target, jobs, RandomText(rnd));
                Assert.True(text.All(c => c == '\n' || (c >= 0x20 && c < 0x7f)), "script is not plain printable ASCII");
                string script = Path.Combine(dir, $"split_{k}.py");
                File.WriteAllText(script, text);

                var compile = CasaTestEnvironment.Run(CasaTestEnvironment.Python, new[] { "-m", "py_compile", script }, dir);
                Assert.True(compile.Code == 0, $"py_compile failed for target {JsonSerializer.Serialize(target)}: {compile.Stderr}\n{text}");

                string log = Path.Combine(dir, $"calls_{k}.jsonl");
                var psi = new ProcessStartInfo(CasaTestEnvironment.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                psi.ArgumentList.Add(script);
                psi.Environment["PYTHONPATH"] = Path.Combine(CasaTestEnvironment.OracleDir, "fake_casatasks");
                psi.Environment["FAKE_CASATASKS_LOG"] = log;
                psi.Environment["PYTHONIOENCODING"] = "utf-8";
                using (var p = Process.Start(psi)!)
                {
                    string err = p.StandardError.ReadToEnd();
                    p.StandardOutput.ReadToEnd();
                    p.WaitForExit();
                    Assert.True(p.ExitCode == 0, $"script failed: {err}");
                }
                var calls = File.ReadAllLines(log, Encoding.UTF8).Select(l => JsonDocument.Parse(l).RootElement).ToList();
                Assert.Equal(jobs.Count, calls.Count);
                for (int j = 0; j < jobs.Count; j++)
                {
                    Assert.Equal(jobs[j].MeasurementSet, calls[j].GetProperty("vis").GetString());
                    Assert.Equal(jobs[j].OutputVis, calls[j].GetProperty("outputvis").GetString());
                    Assert.Equal(jobs[j].Field, calls[j].GetProperty("field").GetString());
                    Assert.Equal(jobs[j].DataColumn, calls[j].GetProperty("datacolumn").GetString());
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void EmptyFieldSelectionIsRefusedByTheScript()
    {
        string text = SplitScript.Render("t", new[] { new SplitJob { MeasurementSet = "a.ms", OutputVis = "b.ms", Field = "" } }, "test");
        Assert.Contains("raise ValueError", text);
    }

    [Theory]
    [InlineData("J0807+0432", "J0807+0432")]
    [InlineData("my target/../x", "my_target_.._x")]
    [InlineData("...", "target")]
    [InlineData("Ü", "_")]
    public void SafeFileNameKeepsOnlyPortableCharacters(string name, string expected) => Assert.Equal(expected, SplitScript.SafeFileName(name));
}
