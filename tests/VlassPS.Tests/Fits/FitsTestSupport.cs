using System.Diagnostics;
using System.Text.Json;

namespace VlassPS.Tests.Fits;

/// <summary>Paths of the Fits fixtures and a runner for the Python oracles in tests/oracles/fits.</summary>
internal static class FitsTestSupport
{
    public static string RepoRoot => TestPaths.RepoRoot;

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "fits", name);

    public static string Oracle(string name) => Path.Combine(RepoRoot, "tests", "oracles", "fits", name);

    public const string VlassImage = "VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits";
    public const string VlassRms = "VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.rms.subim.fits";

    public static JsonElement Manifest { get; } = JsonDocument.Parse(File.ReadAllText(Fixture("manifest.json"))).RootElement;

    /// <summary>astropy, photutils, regions, reproject and numpy, under the one oracle policy (skip, or fail where required).</summary>
    public static void RequireOracle() => VlassPS.Tests.Oracle.RequirePython("astropy", "photutils", "regions", "reproject", "numpy");

    /// <summary>Runs the oracle python3 with arguments and optional stdin; returns stdout, throws with stderr on failure.</summary>
    public static string Run(params string[] args) => RunWithInput(null, args);

    public static string RunWithInput(string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo(VlassPS.Tests.Oracle.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-W");
        psi.ArgumentList.Add("ignore");
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        var errTask = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"python3 {string.Join(' ', args)} failed ({p.ExitCode}): {errTask.Result}");
        return output;
    }

    public static JsonElement RunJson(params string[] args) => JsonDocument.Parse(Run(args)).RootElement;

    public static JsonElement RunJsonWithInput(string stdin, params string[] args) => JsonDocument.Parse(RunWithInput(stdin, args)).RootElement;

    /// <summary>A JSON number, null (NaN) or "inf"/"-inf" as a double.</summary>
    public static double AsDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String => e.GetString() == "inf" ? double.PositiveInfinity : e.GetString() == "-inf" ? double.NegativeInfinity : double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        _ => e.GetDouble(),
    };

    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "vlassps-fits-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>Our statistics equal the oracle's (fits_oracle.py stats): count, moments to rounding, exact extremes.</summary>
    public static void AssertStatisticsEqual(JsonElement o, VlassPS.Core.Fits.ImageStatistics s, bool checkSum = false)
    {
        Xunit.Assert.Equal(o.GetProperty("count").GetInt64(), s.FiniteCount);
        if (checkSum) Xunit.Assert.Equal(o.GetProperty("sum").GetDouble(), s.Sum, Math.Abs(o.GetProperty("sum").GetDouble()) * 1e-9 + 1e-12);
        Xunit.Assert.Equal(o.GetProperty("mean").GetDouble(), s.Mean, Math.Abs(o.GetProperty("mean").GetDouble()) * 1e-9 + 1e-15);
        Xunit.Assert.Equal(o.GetProperty("std").GetDouble(), s.StandardDeviation, o.GetProperty("std").GetDouble() * 1e-7);
        Xunit.Assert.Equal(o.GetProperty("rms").GetDouble(), s.Rms, o.GetProperty("rms").GetDouble() * 1e-9);
        Xunit.Assert.Equal(o.GetProperty("min").GetDouble(), s.Minimum);
        Xunit.Assert.Equal(o.GetProperty("max").GetDouble(), s.Maximum);
        Xunit.Assert.Equal(o.GetProperty("max_x").GetInt32(), s.MaximumX);
        Xunit.Assert.Equal(o.GetProperty("max_y").GetInt32(), s.MaximumY);
    }
}
