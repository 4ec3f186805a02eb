using VlassPS.Core.Workspace;

namespace VlassPS.Tests.Seip;

/// <summary>datacolumn from real casacore tables written by python-casacore.</summary>
public class DataColumnDetectorTests
{
    [SkippableFact]
    public void Corrected_when_the_ms_has_corrected_data_otherwise_data()
    {
        Oracle.RequireModule("casacore");
        string dir = SeipTestSupport.TempDir("seip-datacol");
        try
        {
            string archive = Path.Combine(dir, "archive.ms"), split = Path.Combine(dir, "split.ms");
            foreach (var (path, cols) in new[] { (archive, new[] { "DATA", "CORRECTED_DATA" }), (split, new[] { "DATA" }) })
            {
                var r = SeipTestSupport.Run(SeipTestSupport.Python, new[] { SeipTestSupport.Oracle("make_table.py"), path }.Concat(cols));
                Assert.True(r.Exit == 0, r.Stderr);
            }
            Assert.Equal("corrected", DataColumnDetector.Detect(archive));
            Assert.Equal("data", DataColumnDetector.Detect(split));
            Assert.Null(DataColumnDetector.Detect(Path.Combine(dir, "not-split-yet.ms")));
        }
        finally { Directory.Delete(dir, true); }
    }
}
