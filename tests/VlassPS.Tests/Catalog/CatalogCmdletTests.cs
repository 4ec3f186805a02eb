using VlassPS.Core.Archive;
using VlassPS.Core.Catalog;

namespace VlassPS.Tests.Catalog;

/// <summary>The catalog cmdlets in a real PowerShell engine, against loopback HTTP only.</summary>
public sealed class CatalogCmdletTests : IDisposable
{
    private readonly ModuleSession _ps = new();
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "vlassps-cmdlets-" + Guid.NewGuid().ToString("N"));
    private readonly LoopbackHttpServer _server = new(Path.Combine(CatalogTestData.FixturesDirectory, "quicklook"), "/quicklook/");

    public CatalogCmdletTests()
    {
        Directory.CreateDirectory(_temp);
        _ps.Set("table", CatalogTestData.SummaryTablePath);
        _ps.Set("data", Path.Combine(_temp, "data"));
        _ps.Set("cache", Path.Combine(_temp, "cache"));
        _ps.Set("archive", new Uri(_server.BaseUri, "/quicklook/").AbsoluteUri);
    }

    public void Dispose()
    {
        _ps.Dispose();
        _server.Dispose();
        Directory.Delete(_temp, recursive: true);
    }

    private static readonly string[] MemoEbs =
    [
        "VLASS1.1.sb34647560.eb34700758.58075.26425702547",
        "VLASS2.1.sb38561374.eb38565040.59070.62333981482",
        "VLASS3.1.sb43247986.eb43449519.59968.0862703125",
    ];

    [Fact]
    public void Update_from_a_file_stores_the_table_with_its_metadata()
    {
        var c = ModuleSession.Of<SurveyCatalog>(_ps.Run("Update-VlassSurveyCatalog -Path $table -CacheDirectory $data -PassThru")).Single();
        Assert.Empty(_ps.Errors);
        Assert.Equal(2697, c.Count);
        Assert.Equal(File.ReadAllText(CatalogTestData.SummaryTablePath), File.ReadAllText(Path.Combine(_temp, "data", SurveyCatalogStore.TableFileName)));
        var reloaded = new SurveyCatalogStore(Path.Combine(_temp, "data")).Load()!;
        Assert.Equal(CatalogTestData.SummaryTablePath, reloaded.Source);
        Assert.Equal(c.FetchedAt, reloaded.FetchedAt);
        Assert.Empty(_ps.Run("Update-VlassSurveyCatalog -Path $table -CacheDirectory $data"));
    }

    [Fact]
    public void Update_with_WhatIf_writes_nothing()
    {
        _ps.Run("Update-VlassSurveyCatalog -Path $table -CacheDirectory $data -WhatIf");
        Assert.Empty(_ps.Errors);
        Assert.False(Directory.Exists(Path.Combine(_temp, "data")) && File.Exists(Path.Combine(_temp, "data", SurveyCatalogStore.TableFileName)));
    }

    [Fact]
    public void Update_from_a_url_and_a_failed_or_bad_download_keeps_the_previous_table()
    {
        var text = File.ReadAllText(CatalogTestData.SummaryTablePath);
        _server.Map("/vlass/VLASS_dyn_summary.php", _ => ServerReply.Ok(text));
        _server.Map("/down.php", _ => ServerReply.Error(503));
        _server.Map("/html.php", _ => ServerReply.Ok("<html><body>maintenance</body></html>"));
        _ps.Set("uri", new Uri(_server.BaseUri, "/vlass/VLASS_dyn_summary.php"));
        var c = ModuleSession.Of<SurveyCatalog>(_ps.Run("Update-VlassSurveyCatalog -Uri $uri -CacheDirectory $data -PassThru")).Single();
        Assert.Equal(2697, c.Count);
        Assert.Equal(new Uri(_server.BaseUri, "/vlass/VLASS_dyn_summary.php").AbsoluteUri, c.Source);
        var tablePath = Path.Combine(_temp, "data", SurveyCatalogStore.TableFileName);
        var before = File.GetLastWriteTimeUtc(tablePath);

        _ps.Set("down", new Uri(_server.BaseUri, "/down.php"));
        _ps.Run("Update-VlassSurveyCatalog -Uri $down -CacheDirectory $data -MaximumRetryCount 1");
        var e = Assert.Single(_ps.Errors);
        Assert.StartsWith("SurveyCatalogDownloadFailed,", e.FullyQualifiedErrorId);
        Assert.Equal(2, _server.Hits("/down.php"));

        _ps.Set("html", new Uri(_server.BaseUri, "/html.php"));
        _ps.Run("Update-VlassSurveyCatalog -Uri $html -CacheDirectory $data");
        Assert.StartsWith("SurveyCatalogInvalid,", Assert.Single(_ps.Errors).FullyQualifiedErrorId);

        Assert.Equal(text, File.ReadAllText(tablePath));
        Assert.Equal(before, File.GetLastWriteTimeUtc(tablePath));
    }

    [Fact]
    public void Malformed_rows_are_errors_with_line_numbers_and_the_rest_is_stored()
    {
        var lines = File.ReadAllLines(CatalogTestData.SummaryTablePath);
        lines[1299] = lines[1299].Replace("VLASS1.1", "VLASS?.1");
        var bad = Path.Combine(_temp, "bad.txt");
        File.WriteAllLines(bad, lines);
        _ps.Set("bad", bad);
        var c = ModuleSession.Of<SurveyCatalog>(_ps.Run("Update-VlassSurveyCatalog -Path $bad -CacheDirectory $data -PassThru")).Single();
        var e = Assert.Single(_ps.Errors);
        Assert.StartsWith("CatalogRowMalformed,", e.FullyQualifiedErrorId);
        Assert.Contains("line 1300", e.Exception.Message);
        Assert.Equal(1300, ((CatalogRowError)e.TargetObject).LineNumber);
        Assert.Equal(2696, c.Count);
    }

    [Fact]
    public void Get_observation_without_a_catalog_says_how_to_get_one()
    {
        _ps.Run("Get-VlassObservation -TileName T12t13 -CacheDirectory $data");
        var e = Assert.Single(_ps.Errors);
        Assert.StartsWith("SurveyCatalogMissing,", e.FullyQualifiedErrorId);
        Assert.Contains("Update-VlassSurveyCatalog", e.Exception.Message);
    }

    [Fact]
    public void Get_observation_by_tile_name_epoch_wildcard_and_observed_only()
    {
        _ps.Run("Update-VlassSurveyCatalog -Path $table -CacheDirectory $data");
        var all = ModuleSession.Of<VlassObservation>(_ps.Run("Get-VlassObservation T12t13 -CacheDirectory $data"));
        Assert.Equal(["VLASS1.1", "VLASS2.1", "VLASS3.1"], all.Select(o => o.Epoch));
        Assert.Equal([new DateOnly(2017, 11, 18), new DateOnly(2020, 8, 9), new DateOnly(2023, 1, 24)], all.Select(o => o.ObservationDate!.Value));
        var v3 = ModuleSession.Of<VlassObservation>(_ps.Run("Get-VlassObservation -TileName T12t13 -Epoch 'VLASS3.*' -CacheDirectory $data"));
        Assert.Equal("VLASS3.1", Assert.Single(v3).Epoch);
        Assert.Equal(3, ModuleSession.Of<VlassObservation>(_ps.Run("Get-VlassObservation -TileName T04t13 -CatalogPath $table")).Length);
        var observed = ModuleSession.Of<VlassObservation>(_ps.Run("Get-VlassObservation -TileName T04t13 -CatalogPath $table -ObservedOnly"));
        Assert.Equal(2, observed.Length);
        Assert.All(observed, o => Assert.True(o.IsObserved));
        Assert.Equal(6, ModuleSession.Of<VlassObservation>(_ps.Run("Get-VlassObservation -TileName 'T32*' -CatalogPath $table")).Length);
        _ps.Run("Get-VlassObservation -TileName T99t01 -CatalogPath $table");
        Assert.StartsWith("TileNotFound,", Assert.Single(_ps.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Get_observation_takes_tiles_and_positions_from_the_pipeline()
    {
        var fromTile = ModuleSession.Of<VlassObservation>(_ps.Run("Get-VlassTile -Ra 121.98974 -Dec 4.54293 | Get-VlassObservation -CatalogPath $table"));
        Assert.Equal(["T12t13", "T12t13", "T12t13"], fromTile.Select(o => o.TileName));
        var fromString = ModuleSession.Of<VlassObservation>(_ps.Run("Get-VlassObservation -Position '08:07:57.5376 +04:32:34.548' -CatalogPath $table -Epoch VLASS2.1"));
        Assert.Equal("T12t13", Assert.Single(fromString).TileName);
        var fromCsvRow = ModuleSession.Of<VlassObservation>(_ps.Run("[pscustomobject]@{ Ra = 141.2802958; Dec = 14.7404833 } | Get-VlassObservation -CatalogPath $table"));
        Assert.All(fromCsvRow, o => Assert.Equal("T14t15", o.TileName));
        Assert.Equal(3, fromCsvRow.Length);
        var region = ModuleSession.Of<VlassObservation>(_ps.Run("Get-VlassTile '08:07:57.5 +04:32:34' -ScienceSize 500 | Get-VlassObservation -CatalogPath $table -Epoch VLASS1.1"));
        Assert.Contains(region, o => o.TileName == "T12t13");
        Assert.All(region, o => Assert.Equal("VLASS1.1", o.Epoch));
        var names = ModuleSession.Of<VlassObservation>(_ps.Run("[pscustomobject]@{ TileName = 'T12t14' } | Get-VlassObservation -CatalogPath $table"));
        Assert.Equal(3, names.Length);
        // A position's label is not a tile name.
        var labelled = ModuleSession.Of<VlassObservation>(_ps.Run("ConvertTo-VlassPosition '08:07:57.5 +04:32:34' -Name J0807+0432 | Get-VlassObservation -CatalogPath $table"));
        Assert.Equal(3, labelled.Length);
        Assert.Empty(_ps.Errors);
        _ps.Run("Get-VlassObservation -Ra 10 -Dec -45 -CatalogPath $table");
        Assert.StartsWith("PositionOutsideSurvey,", Assert.Single(_ps.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Memo_example_position_to_tile_to_observations_to_execution_blocks()
    {
        var ebs = ModuleSession.Of<ExecutionBlock>(_ps.Run(
            "Get-VlassTile -Ra 121.98974 -Dec 4.54293 | Get-VlassObservation -CatalogPath $table -ObservedOnly | " +
            "Find-VlassExecutionBlock -BaseUri $archive -CacheDirectory $cache"));
        Assert.True(_ps.Errors.Count == 0, string.Join("\n", _ps.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e.Exception.Message)));
        Assert.Equal(MemoEbs, ebs.Select(e => e.Name));
        Assert.Contains(_ps.Progress, p => p.RecordType == System.Management.Automation.ProgressRecordType.Completed);
        var observations = ModuleSession.Of<VlassObservation>(_ps.Run("Get-VlassObservation -TileName T12t13 -CatalogPath $table"));
        foreach (var eb in ebs)
            Assert.Equal(observations.Single(o => o.Epoch == eb.Epoch).ObservationDate, eb.Date);

        // Tiles without epochs use the catalog's observed epochs; the second run is answered from the cache.
        int hits = _server.TotalHits;
        var again = ModuleSession.Of<ExecutionBlock>(_ps.Run("Get-VlassTile -TileName T12t13 | Find-VlassExecutionBlock -CatalogPath $table -BaseUri $archive -CacheDirectory $cache"));
        Assert.Equal(MemoEbs, again.Select(e => e.Name));
        Assert.Equal(hits, _server.TotalHits);
        _ps.Run("Find-VlassExecutionBlock T12t13 VLASS2.1 -BaseUri $archive -CacheDirectory $cache -Force");
        Assert.True(_server.TotalHits > hits);
    }

    [Fact]
    public void One_tile_failing_does_not_stop_the_others()
    {
        _server.Map("/quicklook/VLASS2.1/T12t13/", _ => ServerReply.Error(503));
        var ebs = ModuleSession.Of<ExecutionBlock>(_ps.Run(
            "Find-VlassExecutionBlock -TileName T12t13, T12t14, T13t05 -Epoch VLASS2.1 -BaseUri $archive -CacheDirectory $cache -MaximumRetryCount 0"));
        Assert.Equal(["T12t14", "T12t14", "T13t05", "T13t05"], ebs.Select(e => e.Tile));
        Assert.Equal([false, true, false, false], ebs.Select(e => e.QaRejected));
        var ids = _ps.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList();
        Assert.Equal(["ArchiveRequestFailed", "NoExecutionBlockInImage"], ids);
        Assert.Equal("T12t13 VLASS2.1", _ps.Errors[0].TargetObject);
        Assert.Contains("503", _ps.Errors[0].Exception.Message);
    }

    [Fact]
    public void Bad_tiles_and_epochs_are_item_errors_and_missing_tiles_warn()
    {
        _ps.Run("Find-VlassExecutionBlock -TileName T00t01 -Epoch VLASS2.1 -BaseUri $archive -CacheDirectory $cache");
        Assert.StartsWith("TileNotFound,", Assert.Single(_ps.Errors).FullyQualifiedErrorId);
        _ps.Run("Find-VlassExecutionBlock -TileName T12t13 -Epoch 'VLASS2.1v2' -BaseUri $archive -CacheDirectory $cache");
        Assert.StartsWith("EpochInvalid,", Assert.Single(_ps.Errors).FullyQualifiedErrorId);
        Assert.Empty(_ps.Run("Find-VlassExecutionBlock -TileName T01t01 -Epoch VLASS4.1 -BaseUri $archive -CacheDirectory $cache"));
        Assert.Contains("not imaged yet", Assert.Single(_ps.Warnings).Message);
    }

    [Fact]
    public void Epoch_folders_can_be_overridden()
    {
        // With VLASS1.1 mapped to its plain name the fixture archive has no such folder.
        Assert.Empty(_ps.Run("Find-VlassExecutionBlock T12t13 VLASS1.1 -BaseUri $archive -CacheDirectory $cache -EpochDirectory @{ 'VLASS1.1' = 'VLASS1.1' }"));
        Assert.Contains("/quicklook/VLASS1.1/T12t13/", _server.Requests);
        Assert.Single(ModuleSession.Of<ExecutionBlock>(_ps.Run("Find-VlassExecutionBlock T12t13 VLASS1.1 -BaseUri $archive -CacheDirectory $cache")));
    }
}
