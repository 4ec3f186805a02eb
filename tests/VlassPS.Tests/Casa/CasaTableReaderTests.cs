using System.Security.Cryptography;
using VlassPS.Core.Casa;

namespace VlassPS.Tests.Casa;

public sealed class CasaTableReaderTests
{
    [Fact]
    public void RowCountComesFromTheLockWhenTableDatIsStale()
    {
        using var t = CasaTable.Open(CasaTestEnvironment.Fixture("f3k.ms/FIELD"));
        Assert.Equal(0, t.TableDatRowCount);             // addrows() never rewrote table.dat
        Assert.Equal(3000, t.RowCount);
        Assert.Equal(3000, t.GetColumn("NAME").Length);
    }

    [Fact]
    public void TiledColumnsFailWithTheColumnAndManagerNamed()
    {
        using var t = CasaTable.Open(CasaTestEnvironment.Fixture("vlass_otf.ms"));
        var ex = Assert.Throws<CasaUnsupportedStorageManagerException>(() => t.GetArrayColumn("CORRECTED_DATA"));
        Assert.Equal("CORRECTED_DATA", ex.Column);
        Assert.Equal("TiledShapeStMan", ex.Manager);
        Assert.Contains("CORRECTED_DATA", ex.Message);
        Assert.Contains("TiledShapeStMan", ex.Message);
    }

    [Fact]
    public void IsmRunsDoNotExpandRows()
    {
        using var t = CasaTable.Open(CasaTestEnvironment.Fixture("main_ism.tab"));
        var runs = t.GetColumnRuns("FIELD_ID");
        Assert.Equal(100_000, runs.Length.Sum());
        Assert.True(runs.Count < 20, $"{runs.Count} runs for a field that changes every 11232 rows");
        Assert.Contains("IncrementalStMan", t.GetColumnDesc("FIELD_ID").DataManagerType);
    }

    [Fact]
    public void SubtablesResolveThroughKeywordsSymlinksAndParents()
    {
        using var mms = CasaTable.Open(CasaTestEnvironment.Fixture("vlass_mms.ms"));
        Assert.Equal(CasaTableKind.Concat, mms.Kind);
        Assert.Equal(2, mms.Parts.Count);
        Assert.EndsWith(Path.Combine("vlass_mms.ms", "FIELD"), mms.GetSubtablePath("FIELD"));
        using var r = CasaTable.Open(CasaTestEnvironment.Fixture("vlass_ref.ms"));
        Assert.Equal(CasaTableKind.Ref, r.Kind);
        Assert.EndsWith(Path.Combine("vlass_otf.ms", "FIELD"), r.GetSubtablePath("FIELD"));
        Assert.Null(r.GetSubtablePath("NO_SUCH_TABLE"));
    }

    [Fact]
    public void NotATableIsAFormatError()
    {
        Assert.Throws<CasaTableFormatException>(() => CasaTable.Open(CasaTestEnvironment.FixtureDir));
        Assert.Throws<CasaTableFormatException>(() => CasaTable.Open(Path.Combine(CasaTestEnvironment.FixtureDir, "missing.ms")));
    }

    [Fact]
    public void ReadingNeverCreatesOrChangesAnyFile()
    {
        var before = Snapshot(CasaTestEnvironment.FixtureDir);
        foreach (var name in OracleDumpFixture.Tables)
        {
            using var t = CasaTable.Open(CasaTestEnvironment.Fixture(name));
            foreach (var c in t.Columns)
            {
                try
                {
                    if (c.IsArray) t.GetArrayColumn(c.Name);
                    else t.GetColumnRuns(c.Name);
                }
                catch (CasaUnsupportedStorageManagerException) { }
            }
        }
        foreach (var ms in new[] { "vlass_otf.ms", "vlass_mms.ms", "vlass_ref.ms", "f3k.ms", "vlass_split.ms" })
            MeasurementSetInfo.Read(CasaTestEnvironment.Fixture(ms));
        Assert.Equal(before, Snapshot(CasaTestEnvironment.FixtureDir));
        Assert.False(File.Exists(CasaTestEnvironment.Fixture("field_ref.tab/table.lock")), "a lock file appeared in a RefTable");
        Assert.False(File.Exists(CasaTestEnvironment.Fixture("vlass_mms.ms/table.lock")), "a lock file appeared in a ConcatTable");
    }

    private static string Snapshot(string dir)
    {
        var lines = Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => new FileInfo(f).LinkTarget is null)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(dir, f)} {File.GetLastWriteTimeUtc(f).Ticks} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}");
        return string.Join("\n", lines);
    }
}
