using System.Diagnostics;
using System.Text;
using VlassPS.Core.Archive;
using VlassPS.Core.Catalog;
using VlassPS.Core.Photometry;
using VlassPS.Core.Seip;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;
using VlassPS.Tests.Catalog;
using Xunit.Abstractions;

namespace VlassPS.Tests.Hostile;

/// <summary>
/// Issue 13 §7: bounded fuzzing with a fixed seed of the text readers built from the reproducers (region files,
/// positions, target lists, parameter lists, archive listings and vis lists, the survey table). Each input must
/// give a result or the reader's own typed error, quickly. CI runs a fixed number of cases; set
/// VLASSPS_FUZZ_SOAK=&lt;seconds&gt; (and optionally VLASSPS_FUZZ_SEED) to soak for longer with other seeds.
/// </summary>
public class HostileFuzzTests
{
    private readonly ITestOutputHelper _output;

    public HostileFuzzTests(ITestOutputHelper output) => _output = output;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("VLASSPS_FUZZ_SEED"), out var s) ? s : 13013;
    private static readonly double SoakSeconds = double.TryParse(Environment.GetEnvironmentVariable("VLASSPS_FUZZ_SOAK"), out var t) ? t : 0;

    private static readonly string[] Atoms =
    {
        "[", "]", "(", ")", "{", "}", ",", ";", "#", "\"", "'", ":", "=", "+", "-", ".", "e", "E", "d", "h", "m", "s", "r", "p",
        "1e400", "1e30", "-0", "NaN", "inf", "\0", "\uD800", "١٢٣", "１２", "359d", "deg", "arcsec", "\n", "\r\n", "\t", " ",
        "circle", "box", "polygon", "fk5", "icrs", "image", "centerbox", "rotbox", "poly", "coord=", "label=", "global",
        "08:07:57.5", "+04:32:34.6", "121.98974", "4.54293", "T12t13", "VLASS2.1", "J080757.53+043234.5", "\\U99999999", "\\N{SNOWMAN}",
        "imsize", "cell", "0.6arcsec", "True", "None", "0x", "0b", "1_000", "'''", "&", "*", "?",
    };

    private static string Hostile(Random rnd, string seed)
    {
        var sb = new StringBuilder(seed);
        int edits = 1 + rnd.Next(12);
        for (int i = 0; i < edits; i++)
        {
            int at = sb.Length == 0 ? 0 : rnd.Next(sb.Length + 1);
            switch (rnd.Next(5))
            {
                case 0: sb.Insert(at, Atoms[rnd.Next(Atoms.Length)]); break;
                case 1: if (sb.Length > 0 && at < sb.Length) sb.Remove(at, Math.Min(sb.Length - at, 1 + rnd.Next(8))); break;
                case 2: sb.Insert(at, new string(rnd.Next(2) == 0 ? '[' : '(', rnd.Next(300))); break;
                case 3: sb.Insert(at, (char)rnd.Next(0, 0x3000)); break;
                default: if (sb.Length > 0 && at < sb.Length) sb[at] = (char)rnd.Next(32, 127); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Runs <paramref name="read"/> over mutated seeds; only <paramref name="typed"/> exceptions may escape.</summary>
    private (int Cases, int Typed) Fuzz(string[] seeds, int cases, Func<Exception, bool> typed, Action<string> read, int seedOffset)
    {
        var rnd = new Random(Seed + seedOffset);
        var budget = Stopwatch.StartNew();
        int n = 0, errors = 0;
        while (SoakSeconds > 0 ? budget.Elapsed.TotalSeconds < SoakSeconds : n < cases)
        {
            var input = Hostile(rnd, seeds[rnd.Next(seeds.Length)]);
            var one = Stopwatch.StartNew();
            try { read(input); }
            catch (Exception ex) when (typed(ex)) { errors++; }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"case {n} (seed {Seed + seedOffset}) raised {ex.GetType().FullName}: {ex.Message}\ninput: {Escape(input)}");
            }
            Assert.True(one.Elapsed.TotalSeconds < 2, $"case {n} took {one.Elapsed.TotalSeconds:0.0} s: {Escape(input)}");
            n++;
        }
        _output.WriteLine($"fuzz seed {Seed + seedOffset}: {n} cases, {errors} typed errors, {n - errors} read, 0 raw, 0 over 2 s");
        return (n, errors);
    }

    private static string Escape(string s) => string.Concat(s.Take(300).Select(c => c < 32 || c > 126 ? $"\\u{(int)c:x4}" : c.ToString()));

    [Fact]
    public void Region_files()
    {
        string[] seeds =
        {
            "# Region file format: DS9 version 4.1\nfk5\ncircle(121.98974,4.54293,30\") # text={a}\nbox(121.9,4.5,10\",20\",30)\npolygon(121.9,4.5,122,4.5,122,4.6)\n",
            "#CRTFv0\nglobal coord=J2000\ncircle [[121.98974deg, 4.54293deg], 30arcsec] label='a'\nrotbox [[08:07:57.5, +04.32.34.6], [10arcsec, 20arcsec], 30deg]\npoly [[1deg,1deg],[2deg,1deg],[2deg,2deg]]\n",
        };
        var (n, _) = Fuzz(seeds, 3000, ex => ex is RegionFormatException or FormatException, t => RegionFileParser.Parse(t), 1);
        Assert.True(n >= 3000 || SoakSeconds > 0);
    }

    [Fact]
    public void Positions()
    {
        string[] seeds = { "08:07:57.538 +04:32:34.55", "121.98974 4.54293", "J2000 8h07m57.5s 4d32m34.6s", "08 07 57.5 +04 32 34.6", "121.98974d -4.5" };
        Fuzz(seeds, 5000, ex => ex is FormatException or ArgumentException, t =>
        {
            if (SkyPosition.TryParse(t, out var p, out _))
                Assert.True(p!.RaDeg is >= 0 and < 360 && p.DecDeg is >= -90 and <= 90, $"{t} gave {p}");
        }, 2);
    }

    [Fact]
    public void Target_lists()
    {
        string[] seeds = { "name,ra,dec\nA,121.98974,4.54293\nB,08:07:57.5,+04:32:34.6\n", "Name\tPosition\nJ0925\t09:25:07.271 +14:44:25.74\n", "\"a,b\",ra,dec\n\"x\"\"y\",1,2\n" };
        Fuzz(seeds, 3000, ex => ex is FormatException, t =>
        {
            foreach (var row in TargetListReader.Read(new StringReader(t), ','))
                _ = row.Error ?? (object?)row.Position;
        }, 3);
    }

    [Fact]
    public void Parameter_lists()
    {
        string[] seeds = { "imagename='VLASS_SE_X'\nimsize=[7200, 7200]\ncell='0.6arcsec'\nphasecenter='J2000 08:07:57.538 +04.32.34.55'\n", "editmode='add'\nnsigma=4.5\n# c\nrobust=-0.5\n" };
        Fuzz(seeds, 3000, _ => false, t => SeipParameterFileReader.Parse(t), 4);
    }

    [Fact]
    public void Archive_listings_and_vis_lists()
    {
        var root = new Uri("http://127.0.0.1:1/quicklook/");
        var listing = new Uri(root, "VLASS2.1/T12t13/");
        string[] seeds =
        {
            "VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1/", "http://127.0.0.2/quicklook/VLASS2.1/T12t13/VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1/",
            "../../../VLASS2.1.ql.T12t13.J080806+043000.10.2048.v2/", "file:///etc/VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1/",
            "hifv_importdata(vis=['VLASS2.1.sb38561374.eb38565040.59070.62333981482.ms'], session=['s'])",
        };
        Fuzz(seeds, 3000, _ => false, t =>
        {
            foreach (var d in ListingFilter.ImageDirectories([t], listing, "T12t13", false, root))
                Assert.StartsWith(root.AbsoluteUri, d.Uri.AbsoluteUri);
            VisListExtractor.Extract(t, includeCommentedCalls: true);
        }, 5);
    }

    [Fact]
    public void Survey_table_rows()
    {
        var lines = File.ReadAllLines(CatalogTestData.SummaryTablePath).Skip(3).Take(200).ToArray();
        Fuzz(lines, 5000, _ => false, t => SurveyCatalogParser.TryParseRow(t, 1, out _, out _), 6);
    }
}
