using VlassPS.Core.Seip;

namespace VlassPS.Tests.Seip;

public class SeipParameterListTests
{
    private static SeipParameterList J0807()
    {
        var list = SeipParameterList.CreateDefault();
        list.ImageName = "VLASS_SE_J0807_0432";
        list.PhaseCenter = "J2000 08:07:57.538 +04.32.34.53";
        list.Imsize = new[] { 7200, 7200 };
        list.Cell = "0.6arcsec";
        return list;
    }

    [Fact]
    public void Writes_the_domain_example_exactly()
    {
        var list = J0807();
        list.Comments.Add(" VlassPS: science 500\", R_g 1000\", margin 840\", cell 0.6\" -> 4180\" -> 6967 px -> 7200");
        string expected =
            "# VlassPS: science 500\", R_g 1000\", margin 840\", cell 0.6\" -> 4180\" -> 6967 px -> 7200\n" +
            "imaging_mode='VLASS-SE-CONT-MOSAIC'\n" +
            "imagename='VLASS_SE_J0807_0432'\n" +
            "phasecenter='J2000 08:07:57.538 +04.32.34.53'\n" +
            "imsize=[7200, 7200]\n" +
            "cell='0.6arcsec'\n";
        Assert.Equal(expected, list.ToText());
    }

    [Fact]
    public void Imports_the_memo_style_file_with_trailing_comments()
    {
        var r = SeipParameterFileReader.Load(SeipTestSupport.Fixture("memo_style.list"));
        Assert.True(r.Success, string.Join("\n", r.Issues));
        Assert.Empty(r.Warnings);
        var l = r.List;
        Assert.Equal("VLASS_SE_J0925_1444_c0.6arcsec", l.ImageName);
        Assert.Equal("J2000 09:25:07.271 +14.44.25.74", l.PhaseCenter);
        Assert.Equal(ImagingModes.SeContMosaic, l.ImagingMode);
        Assert.Equal(new[] { 7200, 7200 }, l.Imsize);
        Assert.Equal("0.6arcsec", l.Cell);
        Assert.Empty(l.Validate(PipelineVersion.Memo2022));
        Assert.Equal(4, l.LineOf("imsize"));
    }

    [Fact]
    public void Imports_a_double_quoted_web_front_end_file()
    {
        var r = SeipParameterFileReader.Load(SeipTestSupport.Fixture("vesi_style.list"));
        Assert.True(r.Success);
        Assert.Equal(0.15, r.List.PbLimit);
        Assert.Equal(360, r.List.SearchRadiusArcsec);
        Assert.Equal("VLASS2.2_J080757.53+043234.5", r.List.ImageName);
        Assert.Equal(" parameter list written by a web front end", Assert.Single(r.List.Comments));
        Assert.DoesNotContain(r.List.Validate(PipelineVersion.Memo2023), i => i.Severity == SeipIssueSeverity.Error);
    }

    [Fact]
    public void Reads_crlf_duplicates_tuples_and_odd_lines_like_the_pipeline()
    {
        var r = SeipParameterFileReader.Load(SeipTestSupport.Fixture("tolerated_crlf.list"));
        Assert.True(r.Success, string.Join("\n", r.Issues));
        var l = r.List;
        Assert.Equal("J0807_test", l.ImageName);
        Assert.Equal(new[] { 7200, 7200 }, l.Imsize);
        Assert.IsType<PyTuple>(l["imsize"]);
        Assert.Equal("0.6arcsec", l.Cell);
        Assert.Equal(600, l.CycleNiter);
        Assert.Equal(9, l.LineOf("cycleniter"));
        Assert.Equal("2,3,45", l.Spw);
        Assert.Equal(-5.0, l.NSigma);
        Assert.Equal("a=b", ((PyStr)l["url"]!).Value);
        Assert.Equal("is read as a key", ((PyStr)l["# an indented comment"]!).Value);
        Assert.Contains(r.Warnings, w => w.Id == "SeipDuplicateKey" && w.Line == 9);
        Assert.Contains(r.Warnings, w => w.Id == "SeipLineIgnored" && w.Line == 5);
        Assert.Contains(r.Warnings, w => w.Id == "SeipIndentedComment" && w.Line == 4);
        var dict = Assert.IsType<PyDict>(l["vlass_plane_reject_ms"]);
        Assert.Equal(3, dict.Count);
        Assert.Contains(l.Validate(), i => i.Id == "SeipKeyUnknown" && i.Key == "url" && i.Line == 14);
    }

    [Fact]
    public void Reports_every_error_with_line_and_column()
    {
        var r = SeipParameterFileReader.Load(SeipTestSupport.Fixture("broken.list"));
        Assert.False(r.Success);
        var errors = r.Errors.ToList();
        Assert.Equal(new int?[] { 2, 4, 5 }, errors.Select(e => e.Line).ToArray());
        Assert.Equal(14, errors[0].Column);                 // the unquoted V after "imaging_mode="
        Assert.Contains("name", errors[0].Message);
        Assert.Contains("never closed", errors[1].Message);
        Assert.Contains("Unterminated", errors[2].Message);
        Assert.All(errors, e => Assert.Equal("SeipValueNotLiteral", e.Id));
        var ex = new SeipParameterListException("broken.list", errors);
        Assert.Contains("line 4", ex.Message);
    }

    [Fact]
    public void Non_utf8_files_are_reported()
    {
        string dir = SeipTestSupport.TempDir("seip-utf8");
        try
        {
            string f = Path.Combine(dir, "x.list");
            File.WriteAllBytes(f, new byte[] { (byte)'a', (byte)'=', (byte)'\'', 0xE9, (byte)'\'', (byte)'\n' });
            var r = SeipParameterFileReader.Load(f);
            Assert.Equal("SeipFileNotUtf8", Assert.Single(r.Errors).Id);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("memo_style.list")]
    [InlineData("vesi_style.list")]
    [InlineData("tolerated_crlf.list")]
    public void Import_then_export_gives_an_equivalent_file(string fixture)
    {
        var first = SeipParameterFileReader.Load(SeipTestSupport.Fixture(fixture)).List;
        string text = first.ToText(validate: false);
        Assert.DoesNotContain('\r', text);
        Assert.All(text, c => Assert.True(c == '\n' || (c >= ' ' && c <= '~')));
        var second = SeipParameterFileReader.Parse(text);
        Assert.True(second.Success);
        Assert.Empty(second.List.DifferencesFrom(first));
        Assert.Equal(text, second.List.ToText(validate: false));   // and the export is a fixed point
    }

    [Theory]
    [InlineData("imagename", "has space", "SeipImageNameInvalid")]
    [InlineData("imagename", "dir/name", "SeipImageNameInvalid")]
    [InlineData("imagename", "dir\\name", "SeipImageNameInvalid")]
    [InlineData("imagename", "", "SeipImageNameEmpty")]
    [InlineData("imaging_mode", "VLASS-SE-CONT-MOSAIK", "SeipImagingModeUnknown")]
    [InlineData("cell", "0.6", "SeipCellInvalid")]
    [InlineData("cell", "0.6 furlongs", "SeipCellInvalid")]
    [InlineData("phasecenter", "J2000 25:99:00 +95.00.00", "SeipPhaseCenterInvalid")]
    [InlineData("phasecenter", "GALACTIC 10 20", "SeipPhaseCenterInvalid")]
    public void Rejects_values_that_would_break_the_pipeline(string key, string value, string id)
    {
        var list = J0807();
        list[key] = value;
        var issue = Assert.Single(list.Validate(), i => i.Severity == SeipIssueSeverity.Error);
        Assert.Equal(id, issue.Id);
        var ex = Assert.Throws<SeipParameterListException>(() => list.ToText());
        Assert.Contains(key, ex.Message);
    }

    [Theory]
    [InlineData(7201, "SeipImsizeOdd")]
    [InlineData(0, "SeipImsizeInvalid")]
    [InlineData(-7200, "SeipImsizeInvalid")]
    public void Rejects_odd_or_non_positive_imsize(int n, string id)
    {
        var list = J0807();
        list.Imsize = new[] { 7200, n };
        Assert.Equal(id, Assert.Single(list.Validate()).Id);
        list.Imsize = new[] { n };
        Assert.Equal(id, Assert.Single(list.Validate()).Id);
    }

    [Fact]
    public void Accepts_cell_forms_and_scalar_imsize()
    {
        var list = J0807();
        foreach (var cell in new[] { "0.6arcsec", "1arcsec", "5ppb", "1.5e-4deg", " 0.6 arcsec " })
        {
            list.Cell = cell;
            Assert.Empty(list.Validate());
        }
        list["imsize"] = 7200;
        Assert.Equal(new[] { 7200 }, list.Imsize);
        Assert.Empty(list.Validate());
        list["imsize"] = true;
        Assert.Equal("SeipValueWrongType", Assert.Single(list.Validate()).Id);
    }

    [Fact]
    public void Version_gated_keys_warn_on_older_pipelines()
    {
        var list = J0807();
        list.CutoutImsize = new[] { 834, 834 };
        Assert.Empty(list.Validate(PipelineVersion.Current2025));
        var w = Assert.Single(list.Validate(PipelineVersion.Memo2023));
        Assert.Equal(SeipIssueSeverity.Warning, w.Severity);
        Assert.Equal("SeipKeyNeedsNewerPipeline", w.Id);
        Assert.Contains("2025.1.1.52", w.Message);
        Assert.Single(list.Validate(new PipelineVersion(2025, 1, 1, 51)));

        list.CutoutImsize = null;
        list.WProjPlanes = 32;
        list.ImagingMode = "VLASS-SE-CONT-AWP";
        Assert.Empty(list.Validate(new PipelineVersion(2025, 1, 1, 36)));
        Assert.Contains("2025.1.1.36", Assert.Single(list.Validate(new PipelineVersion(2025, 1, 1, 35))).Message);
        list.ImagingMode = ImagingModes.SeContMosaic;
        Assert.Equal("SeipWprojplanesIgnored", Assert.Single(list.Validate(PipelineVersion.Current2025)).Id);

        list.WProjPlanes = null;
        list["nmajor"] = 220;
        Assert.Empty(list.Validate(PipelineVersion.Memo2023));
        Assert.Single(list.Validate(PipelineVersion.Memo2022));
    }

    [Fact]
    public void Keys_are_checked_so_that_the_pipeline_reads_them_back()
    {
        var list = new SeipParameterList();
        Assert.Throws<ArgumentException>(() => list["a=b"] = 1);
        Assert.Throws<ArgumentException>(() => list["#x"] = 1);
        Assert.Throws<ArgumentException>(() => list[" x"] = 1);
        Assert.Throws<ArgumentException>(() => list["x\ny"] = 1);
        Assert.Throws<ArgumentException>(() => list["m\u00e9"] = 1);
        list["niter"] = 20000;
        Assert.Equal("niter=20000\n", list.ToText(validate: false));
        Assert.True(list.AdditionalParameters.ContainsKey("niter"));
    }

    [Theory]
    [InlineData("2023.1.1.8", 2023, 1, 1, 8)]
    [InlineData("casa-6.5.4-9-pipeline-2023.1.1.8", 2023, 1, 1, 8)]
    [InlineData("casa-6.4.1-12-pipeline-2022.1.1.5", 2022, 1, 1, 5)]
    [InlineData(" 2025.1.1.52 ", 2025, 1, 1, 52)]
    public void Pipeline_versions_parse(string text, int y, int a, int b, int c)
    {
        var v = PipelineVersion.Parse(text);
        Assert.Equal(new PipelineVersion(y, a, b, c), v);
    }

    [Fact]
    public void Pipeline_version_gates()
    {
        Assert.False(PipelineVersion.Memo2023.SupportsCutoutImsize);
        Assert.True(PipelineVersion.Parse("2025.1.1.52").SupportsCutoutImsize);
        Assert.False(PipelineVersion.Parse("2025.1.0.19").SupportsCutoutImsize);
        Assert.True(PipelineVersion.Parse("2025.1.1.36").SupportsWprojplanes);
        Assert.False(PipelineVersion.TryParse("6.5.4", out _));
    }
}
