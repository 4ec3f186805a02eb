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

    /// <summary>
    /// Oracle guard: returns false when the Debian python with astropy, photutils, regions and reproject is
    /// there; otherwise skips the test (env VLASSPS_ALLOW_MISSING_ORACLES=1) or fails it loudly.
    /// </summary>
    public static bool OracleMissingAllowed()
    {
        if (OracleAvailable.Value) return false;
        const string msg = "Oracle missing: /usr/bin/python3 with astropy, photutils, regions and reproject is required " +
            "(apt install python3-astropy python3-photutils python3-regions python3-reproject python3-scipy).";
        Skip.If(Environment.GetEnvironmentVariable("VLASSPS_ALLOW_MISSING_ORACLES") == "1", msg);
        throw new InvalidOperationException(msg + " Set VLASSPS_ALLOW_MISSING_ORACLES=1 to skip instead.");
    }

    private static readonly Lazy<bool> OracleAvailable = new(() =>
    {
        if (!File.Exists("/usr/bin/python3")) return false;
        try
        {
            Run("-c", "import astropy, photutils, regions, reproject, numpy");
            return true;
        }
        catch (InvalidOperationException) { return false; }
    });

    /// <summary>Runs /usr/bin/python3 with arguments and optional stdin; returns stdout, throws with stderr on failure.</summary>
    public static string Run(params string[] args) => RunWithInput(null, args);

    public static string RunWithInput(string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3")
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
}
