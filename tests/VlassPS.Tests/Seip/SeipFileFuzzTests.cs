using System.Text;
using System.Text.Json;
using CsCheck;
using VlassPS.Core.Seip;

namespace VlassPS.Tests.Seip;

/// <summary>
/// Random parameter-list files (keys, '=', comments in and out of column 0, CRLF/CR/LF, literals and junk):
/// our reader must see the same entries as the pipeline's parse loop (oracle), up to the first line where
/// the pipeline would raise, and report an error on that same line.
/// </summary>
public class SeipFileFuzzTests
{
    private static readonly Gen<string> Piece = Gen.OneOfConst(
        "imsize", "cell", " ", "\t", "=", "==", "#", " #", "[7200, 7200]", "'0.6arcsec'", "\"x=y\"", "1", "True", "None",
        "VLASS-SE", "# comment", "(1,)", "{'a': 1}", "'", "\u00e9", "\u00a0", "\u2028", "\u0085", "x_key", ",");

    private static readonly Gen<string> Line = Piece.Array[0, 6].Select(p => string.Concat(p));
    private static readonly Gen<string> Eol = Gen.OneOfConst("\n", "\r\n", "\r");

    private static readonly Gen<string> File_ = Gen.Select(Line, Eol).Array[1, 8]
        .Select(ls => string.Concat(ls.Select(l => l.Item1 + l.Item2)));

    [SkippableFact]
    public void Reader_sees_what_the_pipeline_sees()
    {
        VlassPS.Tests.Oracle.RequirePython();
        string dir = SeipTestSupport.TempDir("seip-file-fuzz");
        try
        {
            int n = 0;
            File_.Sample(text =>
            {
                string file = Path.Combine(dir, $"f{n++}.list");
                File.WriteAllText(file, text, new UTF8Encoding(false));
                var (exit, stdout, stderr) = SeipTestSupport.Run(SeipTestSupport.Python, new[] { SeipTestSupport.Oracle("literal_eval.py"), file });
                Assert.True(exit == 0, stderr);
                var root = JsonDocument.Parse(stdout).RootElement;
                var ours = SeipParameterFileReader.Parse(text);
                string show = JsonSerializer.Serialize(text);

                int? pyErrorLine = root.GetProperty("error").ValueKind == JsonValueKind.Null ? null : root.GetProperty("error").GetProperty("line").GetInt32();
                int? ourErrorLine = ours.Errors.Select(e => e.Line).FirstOrDefault();
                Assert.True(pyErrorLine == ourErrorLine, $"{show}: first error python line {pyErrorLine}, ours {ourErrorLine}");

                // Entries before the first error, last value per key, as both see them.
                var pyLast = new Dictionary<string, PyValue>(StringComparer.Ordinal);
                foreach (var e in root.GetProperty("entries").EnumerateArray())
                    pyLast[e.GetProperty("key").GetString()!] = PythonOracleJson.ToPyValue(e.GetProperty("value"));
                var ourLast = new Dictionary<string, PyValue>(StringComparer.Ordinal);
                foreach (var key in ours.List.Keys)
                    if (pyErrorLine is null || ours.List.LineOf(key) < pyErrorLine) ourLast[key] = ours.List[key]!;
                if (pyErrorLine is null)
                {
                    Assert.Equal(pyLast.Keys.OrderBy(k => k, StringComparer.Ordinal), ourLast.Keys.OrderBy(k => k, StringComparer.Ordinal));
                    foreach (var (k, v) in pyLast) Assert.True(v.Equals(ourLast[k]), $"{show}: key {k}");
                }
                else
                {
                    // Python stopped early; every key it saw must be one we saw with a value from before that line.
                    foreach (var (k, _) in pyLast) Assert.True(ours.List.ContainsKey(k), $"{show}: key {k}");
                }
            }, iter: SeipTestSupport.Iterations(150), threads: 1);
        }
        finally { Directory.Delete(dir, true); }
    }
}
