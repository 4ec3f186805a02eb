using System.Text.Json;
using CsCheck;
using VlassPS.Core.Seip;

namespace VlassPS.Tests.Seip;

/// <summary>
/// Random near-literal text (tokens of the literal grammar glued together at random): our reader must accept
/// exactly what CPython's ast.literal_eval accepts, with the same value, except for the value kinds VlassPS
/// refuses on purpose (bytes, complex, set, Ellipsis, \N{...}).
/// </summary>
public class PyLiteralFuzzTests
{
    private static readonly Gen<string> Token = Gen.OneOfConst(
        "1", "0", "07", "1_0", "0x1f", "0b1", "0o7", "1.5", ".5", "5.", "1e3", "1e", "j", "-", "+", " ", "  ", "\t",
        "'a'", "\"b\"", "'", "\"", "\\", "\\n", "r", "u", "b", "f", "'''", "\"\"\"", "#", "# c",
        "[", "]", "(", ")", "{", "}", ",", ":", "True", "False", "None", "inf", "x", "é", "\u00a0", "...", "\n", ";", "=",
        "\\x41", "\\u00e9", "\\U0001F600", "\\777", "\\q", "0_", "_1", "1__0", "0X", "1E+5", "\f", "\v", "R", "U", "Rb", "ur", "\r",
        "1.e5", "0.0", "00", "-0", "−", "٣", "ℕ", "𝟙");

    private static readonly Gen<string> Text = Token.Array[1, 8].Select(t => string.Concat(t));

    // Values read from text may hold inf (1e999 is a literal), which has no written form.
    private static string Show(PyValue v)
    {
        try { return v.ToPython(); } catch (ArgumentOutOfRangeException) { return "(a value containing inf)"; }
    }

    // Anywhere in the value: kinds VlassPS refuses on purpose.
    private static bool Unsupported(JsonElement tagged)
    {
        string t = tagged.GetProperty("t").GetString()!;
        if (t is "bytes" or "complex" or "set" or "ellipsis") return true;
        if (t is "list" or "tuple") return tagged.GetProperty("v").EnumerateArray().Any(Unsupported);
        if (t is "dict") return tagged.GetProperty("v").EnumerateArray().Any(p => Unsupported(p[0]) || Unsupported(p[1]));
        return false;
    }

    [SkippableFact]
    public void Reader_agrees_with_literal_eval_on_random_text()
    {
        VlassPS.Tests.Oracle.RequirePython();
        string dir = SeipTestSupport.TempDir("seip-fuzz");
        try
        {
            Text.Where(t => !t.Contains('\n')).Array[400].Sample(sources =>
            {
                string file = Path.Combine(dir, "fuzz.txt");
                File.WriteAllText(file, string.Join("\n", sources) + "\n", new System.Text.UTF8Encoding(false));
                var (exit, stdout, stderr) = SeipTestSupport.Run(SeipTestSupport.Python, new[] { SeipTestSupport.Oracle("literal_eval.py"), "--lines", file });
                Assert.True(exit == 0, stderr);
                var results = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
                // The oracle skips empty lines; keep the same sources.
                var kept = sources.Where(s => s != "").ToList();
                Assert.Equal(kept.Count, results.Count);
                for (int i = 0; i < kept.Count; i++)
                {
                    bool pyOk = results[i].GetProperty("ok").GetBoolean();
                    bool ours = PyLiteralReader.TryParse(kept[i], out var value, out var error);
                    if (pyOk && Unsupported(results[i].GetProperty("value")))
                    {
                        Assert.False(ours, kept[i]);
                        continue;
                    }
                    if (pyOk != ours)
                        Assert.Fail($"{JsonSerializer.Serialize(kept[i])}: python {(pyOk ? "accepts" : "rejects: " + results[i].GetProperty("message").GetString())}, ours {(ours ? "accepts " + Show(value!) : "rejects: " + error!.Message)}");
                    if (pyOk) Assert.True(PythonOracleJson.ToPyValue(results[i].GetProperty("value")).Equals(value), kept[i]);
                }
            }, iter: SeipTestSupport.Iterations(10), threads: 1);
        }
        finally { Directory.Delete(dir, true); }
    }
}
