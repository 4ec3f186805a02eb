using System.Text.Json;

namespace VlassPS.Tests.Casa;

/// <summary>
/// Runs python-casacore once over a copy of every committed fixture table and keeps its column dump.
/// Our reader reads the committed originals (proving it never needs to write); the oracle reads the copy.
/// </summary>
public sealed class OracleDumpFixture : IDisposable
{
    /// <summary>Every committed table (relative to tests/fixtures/casa), main tables and their subtables.</summary>
    public static readonly string[] Tables =
    {
        "f3k.ms", "f3k.ms/FIELD", "f3k.ms/SPECTRAL_WINDOW", "f3k.ms/STATE", "f3k.ms/OBSERVATION",
        "vlass_otf.ms", "vlass_otf.ms/FIELD", "vlass_otf.ms/STATE", "vlass_otf.ms/SPECTRAL_WINDOW", "vlass_otf.ms/OBSERVATION",
        "vlass_otf.ms/ANTENNA", "vlass_otf.ms/POINTING", "vlass_otf.ms/POLARIZATION", "vlass_otf.ms/DATA_DESCRIPTION",
        "vlass_split.ms", "vlass_mms.ms", "vlass_mms.ms/FIELD", "vlass_mms.ms/SUBMSS/part1.ms", "vlass_ref.ms",
        "field_big.tab", "main_big.tab", "main_ism.tab", "strings.tab", "field_mod.tab", "field_ref.tab",
        "field_sorted.tab", "field_concat.tab",
    };

    private readonly string _temp;

    public OracleDumpFixture()
    {
        _temp = CasaTestEnvironment.NewTempDir("casa-oracle");
        try { CasaTestEnvironment.RequireOracle(); }
        catch (Exception ex) when (ex is SkipException or Xunit.Sdk.FailException) { _missing = ex; return; }
        CasaTestEnvironment.CopyFixtures(_temp);
        string json = CasaTestEnvironment.RunOracle("dump_columns.py", Tables, _temp);
        Dump = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
    }

    private readonly Exception? _missing;

    /// <summary>Call first in every test that reads the dump: rethrows the skip (or failure) of a missing oracle.</summary>
    public void Require()
    {
        if (_missing is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_missing).Throw();
    }
    public JsonDocument? Dump { get; }

    public JsonElement Table(string name) => Dump!.RootElement.GetProperty(name);

    public void Dispose()
    {
        Dump?.Dispose();
        try { Directory.Delete(_temp, true); } catch (IOException) { }
    }
}
