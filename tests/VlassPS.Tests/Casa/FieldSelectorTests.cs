using VlassPS.Core.Casa;
using VlassPS.Core.Fields;
using VlassPS.Core.Sky;

namespace VlassPS.Tests.Casa;

public sealed class FieldSelectorTests
{
    [Theory]
    [InlineData(new int[0], "")]
    [InlineData(new[] { 5 }, "5")]
    [InlineData(new[] { 0, 1, 2, 3, 5 }, "0~3,5")]
    [InlineData(new[] { 47, 0, 1, 52, 53, 54, 2 }, "0~2,47,52~54")]
    [InlineData(new[] { 3, 3, 4 }, "3~4")]
    public void CompressIdsMakesCasaRanges(int[] ids, string expected) => Assert.Equal(expected, FieldSelector.CompressIds(ids));

    [Theory]
    [InlineData("0123+4500", "0*", true)]
    [InlineData("\"0123+4500\"", "0*", false)]
    [InlineData("\"0123+4500\"", "\"0*", true)]
    [InlineData("T32t02.NCP", "T*", true)]
    [InlineData("J0010+3403", "T*", false)]
    [InlineData("abc", "a?c", true)]
    [InlineData("abc", "a[!b]c", false)]
    [InlineData("a1c", "a[0-9]c", true)]
    public void ShellPatternFollowsFnmatch(string text, string pattern, bool match) => Assert.Equal(match, ShellPattern.IsMatch(text, pattern));

    private static MeasurementSetInfo Otf() => MeasurementSetInfo.Read(CasaTestEnvironment.Fixture("vlass_otf.ms"));

    [Fact]
    public void PipelineRuleExcludesCalibratorsAndQuotedNames()
    {
        var ms = Otf();
        var sel = FieldSelector.Select(ms, new SkyPosition(0.5, 31.5), 3600);
        Assert.NotEmpty(sel.Fields);
        Assert.DoesNotContain(sel.Fields, f => f.Name == "J0010+3403");
        // The pipeline quotes "0001+3130" again (""0001+3130""), so its "0* pattern does not match it.
        Assert.Contains(ms.Fields, f => f.Name.StartsWith('"'));
        Assert.DoesNotContain(sel.Fields, f => f.Name.StartsWith('"'));
        Assert.All(sel.Fields, f => Assert.Contains("TARGET", f.Intents));
        var memo = FieldSelector.Select(ms, new SkyPosition(0.5, 31.5), 3600, method: FieldSelectionMethod.Memo20);
        Assert.DoesNotContain(memo.Fields, f => f.Name.StartsWith('"'));
    }

    [Fact]
    public void WarnsAboutNothingSelectedEdgesAndMovingFields()
    {
        var ms = Otf();
        var none = FieldSelector.Select(ms, new SkyPosition(180, -30), 500);
        Assert.Empty(none.Fields);
        Assert.Equal("", none.Selection);
        Assert.Contains(none.Warnings, w => w.Contains("No field"));

        // The OTF block spans Dec 30..33.6: a box centred near its north edge reaches past it.
        var north = FieldSelector.Select(ms, new SkyPosition(1.0, 33.5), 500);
        Assert.Contains("North", north.EdgesReached);
        Assert.DoesNotContain("South", north.EdgesReached);

        var moving = FieldSelector.Select(ms, new SkyPosition(0.3, 31.5), 100, searchRadiusArcsec: 200);
        Assert.Contains(moving.Fields, f => f.NumPoly > 0);
        Assert.Contains(moving.Warnings, w => w.Contains("NUM_POLY"));
    }

    [Fact]
    public void NamePatternOverridesTheDefaults()
    {
        var ms = Otf();
        var sel = FieldSelector.Select(ms, new SkyPosition(1.0, 31.0), 100, searchRadiusArcsec: 3000, namePatterns: new[] { "Ü*" });
        Assert.Single(sel.Fields);
        Assert.Equal("Ünïcode ☃ field", sel.Fields[0].Name);
    }

    [Fact]
    public void RowFractionIsSelectedOverTotal()
    {
        var ms = Otf();
        var sel = FieldSelector.Select(ms, new SkyPosition(0.5, 31.5), 3600);
        Assert.Equal(sel.Fields.Sum(f => f.Rows), sel.SelectedRows);
        Assert.Equal(ms.Rows, sel.TotalRows);
        Assert.InRange(sel.RowFraction!.Value, 0.0001, 0.9999);
    }
}
