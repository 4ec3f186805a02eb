using System.Text;
using System.Text.Json;
using CsCheck;
using VlassPS.Core.Seip;

namespace VlassPS.Tests.Seip;

/// <summary>
/// Random parameter lists written by VlassPS, read back by Python exactly as hif_editimlist reads them
/// (tests/oracles/seip/literal_eval.py): every key, in order, with exactly the model's value.
/// </summary>
public class SeipParameterListOracleTests
{
    private static readonly Gen<string> AnyText =
        Gen.OneOf(
                Gen.Char[' ', '~'].Select(c => c.ToString()),
                Gen.OneOfConst("'", "\"", "\\", "\n", "\r\n", "#", "=", " # not a comment", "$(touch canary)", "`id`", "\u00e9", "\u2212", "\U0001F30C", "\t", "\u2028"))
            .List[0, 10].Select(p => string.Concat(p));

    private static readonly Gen<string> NameText =
        Gen.OneOf(Gen.Char['a', 'z'].Select(c => c.ToString()), Gen.OneOfConst("_", "+", "-", ".", "'", "\"", "$", "(", ")", "`", "\u00e9"))
            .List[1, 20].Select(p => string.Concat(p)).Where(s => s is not ("." or ".."));

    private static readonly Gen<string> ExtraKey =
        Gen.Char['a', 'z'].List[1, 12].Select(cs => "x_" + new string(cs.ToArray()));

    private static readonly Gen<PyValue> ExtraValue = Gen.OneOf<PyValue>(
        AnyText.Select(s => (PyValue)new PyStr(s)),
        Gen.Long.Select(l => (PyValue)new PyInt(l)),
        Gen.Double.Where(double.IsFinite).Select(d => (PyValue)new PyFloat(d)),
        Gen.Bool.Select(b => (PyValue)b),
        Gen.Const(PyValue.None),
        Gen.Int[0, 20000].List[0, 4].Select(l => (PyValue)new PyList(l.Select(i => (PyValue)i))),
        AnyText.List[0, 3].Select(l => (PyValue)new PyTuple(l.Select(s => (PyValue)s))),
        Gen.Select(AnyText, Gen.Double.Where(double.IsFinite)).List[0, 3]
            .Select(ps => (PyValue)new PyDict(ps.Select(p => new KeyValuePair<PyValue, PyValue>(p.Item1, p.Item2)))));

    private static readonly Gen<SeipParameterList> Lists =
        from name in NameText
        from ra in Gen.Double[0, 359.999]
        from dec in Gen.Double[-40, 89.9]
        from half in Gen.Int[100, 10000]
        from cell in Gen.Double[0.1, 2.0]
        from cycRaw in Gen.Int[0, 5000]
        let cyc = cycRaw == 0 ? (int?)null : cycRaw
        from pb in Gen.Double[0.01, 0.99]
        from robust in Gen.Double[-2, 2]
        from sr in Gen.Double[0, 3000]
        from comments in AnyText.List[0, 2]
        from extras in Gen.Select(ExtraKey, ExtraValue).List[0, 5]
        select Build(name, ra, dec, half * 2, cell, cyc, pb, robust, sr, comments, extras);

    private static SeipParameterList Build(string name, double ra, double dec, int imsize, double cell, int? cyc, double pb,
        double robust, double sr, List<string> comments, List<(string, PyValue)> extras)
    {
        var l = SeipParameterList.CreateDefault();
        l.Comments.AddRange(comments);
        l.ImageName = name;
        l.PhaseCenter = new VlassPS.Core.Sky.SkyPosition(ra, dec).ToCasaString();
        l.Imsize = new[] { imsize, imsize };
        l.Cell = PyLiteralWriter.FormatFloat(cell) + "arcsec";
        l.CycleNiter = cyc;
        l.PbLimit = pb;
        l.Robust = robust;
        l.SearchRadiusArcsec = sr;
        foreach (var (k, v) in extras) l[k] = v;
        return l;
    }

    [SkippableFact]
    public void Python_reads_exactly_the_model_from_generated_files()
    {
        VlassPS.Tests.Oracle.RequirePython();
        string dir = SeipTestSupport.TempDir("seip-list-oracle");
        try
        {
            int n = 0;
            Lists.Sample(list =>
            {
                string file = Path.Combine(dir, $"SEIP_parameter_{n++}.list");
                string text = list.ToText();
                File.WriteAllText(file, text, new UTF8Encoding(false));
                var (exit, stdout, stderr) = SeipTestSupport.Run(SeipTestSupport.Python, new[] { SeipTestSupport.Oracle("literal_eval.py"), file });
                Assert.True(exit == 0, stderr);
                var root = JsonDocument.Parse(stdout).RootElement;
                Assert.True(root.GetProperty("error").ValueKind == JsonValueKind.Null, root.GetProperty("error").ToString() + "\n" + text);
                var entries = root.GetProperty("entries").EnumerateArray().ToList();
                Assert.Equal(list.Keys, entries.Select(e => e.GetProperty("key").GetString()!).ToList());
                foreach (var e in entries)
                {
                    string key = e.GetProperty("key").GetString()!;
                    var py = PythonOracleJson.ToPyValue(e.GetProperty("value"));
                    Assert.True(list[key]!.Equals(py), $"{key}: python {py.ToPython()} vs model {list[key]!.ToPython()}");
                }
                // Our own reader agrees with Python, and the typed view survives.
                var back = SeipParameterFileReader.Parse(text);
                Assert.True(back.Success);
                Assert.Empty(back.List.DifferencesFrom(list));
                Assert.Equal(list.ImageName, back.List.ImageName);
                Assert.Equal(list.PbLimit, back.List.PbLimit);
            }, iter: SeipTestSupport.Iterations(40), threads: 1);
        }
        finally { Directory.Delete(dir, true); }
    }
}
