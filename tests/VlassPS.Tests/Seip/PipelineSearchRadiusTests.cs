using System.Text.Json;
using VlassPS.Core.Casa;
using VlassPS.Core.Fields;
using VlassPS.Core.Geometry;
using VlassPS.Core.Seip;
using VlassPS.Core.Sky;
using VlassPS.Core.Workspace;
using VlassPS.Tests.Casa;
using Xunit.Abstractions;

namespace VlassPS.Tests.Seip;

/// <summary>
/// Science images over 3600″: the pipeline searches fields only within 1800″ + search_radius_arcsec. For big
/// science sizes the parameter list VlassPS writes must make the pipeline keep every field VlassPS selects. The
/// pipeline's rule is restated independently in Python (tests/oracles/casa/pipeline_search.py), reading the
/// written list the way hif_editimlist does, for the current rule and for 2022.1.1.5's.
/// </summary>
public sealed class PipelineSearchRadiusTests(ITestOutputHelper output)
{
    private sealed record Target(string Ms, double Ra, double Dec, double Width, double Height);

    private static readonly Target[] Targets =
    {
        new("vlass_otf.ms", 0.5, 31.8, 4000, 4000),
        new("vlass_otf.ms", 1.0, 31.8, 5000, 5000),
        new("vlass_otf.ms", 359.0, 31.8, 6000, 6000),
        new("vlass_otf.ms", 2.0, 31.8, 8000, 4000),
        new("highdec.ms", 10.0, 61.25, 6000, 6000),
        new("highdec.ms", 8.0, 61.25, 8000, 8000),
    };

    [SkippableFact]
    public void ThePipelineKeepsEveryFieldVlassPsSelectsForBigScienceImages()
    {
        CasaTestEnvironment.RequireOracle();
        string temp = CasaTestEnvironment.NewTempDir("pipeline-search");
        try
        {
            CasaTestEnvironment.CopyFixtures(temp);
            CasaTestEnvironment.RunOracle("pipeline_search.py", new[] { "--make-highdec", temp });
            var cases = new List<object>();
            var selections = new List<(FieldSelection Pipe, FieldSelection Memo)>();
            for (int k = 0; k < Targets.Length; k++)
            {
                var t = Targets[k];
                var centre = new SkyPosition(t.Ra, t.Dec, name: $"T{k}");
                var geometry = ImageGeometry.Create(t.Width, t.Height).WithCenter(centre);
                var list = SeipParameterListFactory.Create(centre, geometry);
                Assert.DoesNotContain(list.Validate(), i => i.Id == "SeipSearchBoxTooSmall");
                string written = Path.Combine(temp, $"case{k}.list"), before = Path.Combine(temp, $"case{k}.before.list");
                File.WriteAllText(written, list.ToText());
                var old = list.Clone();
                old.Remove(SeipKeys.SearchRadiusArcsec);         // what VlassPS wrote before: the pipeline's default 1000"
                File.WriteAllText(before, old.ToText(validate: false));
                Assert.Contains(old.Validate(), i => i.Id == "SeipSearchBoxTooSmall");
                string ms = Path.Combine(temp, t.Ms);
                cases.Add(new { ms, list = written });
                cases.Add(new { ms, list = before });
                var info = MeasurementSetInfo.Read(ms);
                selections.Add((
                    FieldSelector.Select(info, centre, t.Width, t.Height, FieldSelectionMethod.Pipeline, geometry.SearchRadiusArcsec),
                    FieldSelector.Select(info, centre, t.Width, t.Height, FieldSelectionMethod.Memo20, geometry.SearchRadiusArcsec)));
            }
            string casesPath = Path.Combine(temp, "cases.json");
            File.WriteAllText(casesPath, JsonSerializer.Serialize(cases));
            using var doc = JsonDocument.Parse(CasaTestEnvironment.RunOracle("pipeline_search.py", new[] { casesPath }));
            var results = doc.RootElement.EnumerateArray().ToList();

            int selected = 0, droppedNow = 0, droppedBefore = 0, dropped2022 = 0;
            for (int k = 0; k < Targets.Length; k++)
            {
                static HashSet<int> Ids(JsonElement e, string key) => e.GetProperty(key).EnumerateArray().Select(x => x.GetInt32()).ToHashSet();
                var (pipe, memo) = selections[k];
                var now = results[2 * k];
                var was = results[2 * k + 1];
                int dNow = pipe.Fields.Count(f => !Ids(now, "current").Contains(f.Id));
                int dWas = pipe.Fields.Count(f => !Ids(was, "current").Contains(f.Id));
                int d22 = memo.Fields.Count(f => !Ids(now, "v2022").Contains(f.Id));
                output.WriteLine($"{Targets[k]}: VlassPS selects {pipe.Fields.Count} (Memo20 {memo.Fields.Count}); pipeline box ±{now.GetProperty("halfwidth")[0].GetDouble()}\"; dropped now {dNow} (2022 rule {d22}), with the default 1000\" {dWas}");
                Assert.True(pipe.Fields.Count > 100, $"{Targets[k]}: only {pipe.Fields.Count} fields; the case does not exercise the rule");
                selected += pipe.Fields.Count; droppedNow += dNow; droppedBefore += dWas; dropped2022 += d22;
            }
            output.WriteLine($"total: {selected} fields selected by VlassPS; dropped by the pipeline: {droppedNow} now (2022 rule {dropped2022}), {droppedBefore} with the default search radius");
            Assert.Equal(0, droppedNow);
            Assert.Equal(0, dropped2022);
            Assert.True(droppedBefore > 0, "the default search radius should drop fields for these sizes (the test would not detect the defect)");
        }
        finally
        {
            Directory.Delete(temp, true);
        }
    }

    [SkippableFact]
    public void TheDefaultWorkspaceOnTheCurrentPipelineImagesTheMemosFieldSet()
    {
        CasaTestEnvironment.RequireOracle();
        string temp = CasaTestEnvironment.NewTempDir("pipeline-default");
        try
        {
            CasaTestEnvironment.CopyFixtures(temp);
            string ms = Path.Combine(temp, "vlass_otf.ms");
            var centre = new SkyPosition(0.5, 31.8, name: "T");
            var geometry = ImageGeometry.Create(500).WithCenter(centre);
            var plans = new[] { ScienceCutoutMethod.Auto, ScienceCutoutMethod.CutoutImsize }.Select(m => ImagingWorkspacePlan.Create(new ImagingWorkspaceSpec
            {
                Name = "T", Root = temp, ParameterList = SeipParameterListFactory.Create(centre, geometry), MeasurementSets = new[] { ms },
                Profile = PipelineProfile.Default, Casa = CasaLocation.Resolve(null, null, PipelineProfile.Default), CutoutMethod = m,
            }, "0.1.0")).ToArray();
            Assert.Empty(plans[0].Warnings);
            var cases = new List<object>();
            for (int i = 0; i < plans.Length; i++)
            {
                string path = Path.Combine(temp, $"plan{i}.list");
                File.WriteAllText(path, plans[i].Files["working/SEIP_parameter.list"]);
                cases.Add(new { ms, list = path });
            }
            string casesPath = Path.Combine(temp, "cases.json");
            File.WriteAllText(casesPath, JsonSerializer.Serialize(cases));
            using var doc = JsonDocument.Parse(CasaTestEnvironment.RunOracle("pipeline_search.py", new[] { casesPath }));
            var results = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("current").EnumerateArray().Select(x => x.GetInt32()).ToHashSet()).ToList();
            var memo = FieldSelector.Select(MeasurementSetInfo.Read(ms), centre, 500, 500, FieldSelectionMethod.Pipeline, geometry.SearchRadiusArcsec);
            int keptDefault = memo.Fields.Count(f => results[0].Contains(f.Id)), keptCutout = memo.Fields.Count(f => results[1].Contains(f.Id));
            output.WriteLine($"memo field set (±1250\"): {memo.Fields.Count}; imaged by the pipeline with the default workspace {keptDefault}, with cutout_imsize {keptCutout}");
            Assert.True(memo.Fields.Count > 20);
            Assert.Equal(memo.Fields.Count, keptDefault);
            Assert.True(keptCutout < memo.Fields.Count / 2, "cutout_imsize should shrink the field search to ±250\"");
        }
        finally
        {
            Directory.Delete(temp, true);
        }
    }

    [Theory]
    [InlineData(500, 4.5, null, null)]           // 1250" < 2800": nothing written
    [InlineData(1000, 60.0, null, null)]
    [InlineData(3600, 4.5, 1000.0, 1010.0)]      // 2800" in the tangent frame; the memo-rule region is a little wider
    [InlineData(4000, 4.5, 1200.0, 1210.0)]      // 3000"
    [InlineData(8000, 61.0, 3200.0, 3400.0)]     // 5000"; at Dec 61 the two metrics differ by ~100"
    public void RequiredSearchRadiusCoversTheRegion(double science, double dec, double? atLeast, double? atMost)
    {
        var centre = new SkyPosition(120, dec);
        var geometry = ImageGeometry.Create(science).WithCenter(centre);
        var list = SeipParameterListFactory.Create(centre, geometry);
        if (atLeast is null) Assert.Null(list.SearchRadiusArcsec);
        else Assert.InRange(list.SearchRadiusArcsec!.Value, atLeast.Value + 0.5, atMost!.Value);
        double need = PipelineFieldSearch.CoveringHalfWidth(centre, geometry.SearchHalfWidthXArcsec, geometry.SearchHalfWidthYArcsec);
        Assert.True(PipelineFieldSearch.MosaicHalfWidthArcsec + (list.SearchRadiusArcsec ?? 1000) >= need);
        Assert.True(need >= geometry.SearchHalfWidthXArcsec);
    }
}
