using VlassPS.Core.Photometry;
using VlassPS.Core.Seip;

namespace VlassPS.Tests.Hostile;

/// <summary>Issue 13 §1: deeply nested brackets crashed the host (stack overflow); now a typed error.</summary>
public class NestingLimitTests
{
    [Fact]
    public void Crtf_circle_with_100000_nested_brackets_is_a_region_format_error()
    {
        var text = "#CRTFv0\ncircle " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var ex = Assert.Throws<RegionFormatException>(() => RegionFileParser.Parse(text));
        Assert.Contains("nested", ex.Message);
        Assert.Equal(2, ex.Line);
    }

    [Theory]
    [InlineData('[', ']')]
    [InlineData('(', ')')]
    [InlineData('{', '}')]
    public void Seip_value_with_100000_nested_brackets_is_a_syntax_error(char open, char close)
    {
        var text = new string(open, 100_000) + new string(close, 100_000);
        var ok = PyLiteralReader.TryParse(text, out _, out var error);
        Assert.False(ok);
        Assert.Contains("nested", error!.Message);
    }

    [Fact]
    public void Seip_file_line_with_100000_nested_brackets_is_an_issue_not_a_crash()
    {
        var text = "imsize=" + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var result = SeipParameterFileReader.Parse(text);
        Assert.NotEmpty(result.Issues);
    }

    // Python 3.11's tokenizer: 200 levels parse, 201 are "too many nested parentheses" (checked with ast.literal_eval).
    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Seip_nesting_limit_is_pythons(int depth, bool accepted)
    {
        Assert.Equal(accepted, PyLiteralReader.TryParse(new string('[', depth) + new string(']', depth), out _, out _));
        Assert.Equal(accepted, PyLiteralReader.TryParse("-" + new string('(', depth) + "1" + new string(')', depth), out _, out _));
    }

    [Theory]
    [InlineData(@"'\U99999999'")]
    [InlineData(@"'\UFFFFFFFF'")]
    [InlineData("'a\0b'")]
    public void Literals_python_rejects_are_rejected(string text)
        => Assert.False(PyLiteralReader.TryParse(text, out _, out _));
}

/// <summary>Issue 13 §6: lower-severity items with a definite answer.</summary>
public class LowerSeverityTests
{
    [Fact]
    public void An_ra_just_below_360_never_names_hour_24()
        => Assert.StartsWith("J235959.99+", new VlassPS.Core.Sky.SkyPosition(359.9999999999999, 0).IauName);

    [Fact]
    public void A_parameter_list_value_python_reads_as_inf_is_an_error()
    {
        var r = SeipParameterFileReader.Parse("cell=1e99999\nimagename='x'\n");
        Assert.Contains(r.Errors, e => e.Id == "SeipValueOutOfRange" && e.Line == 1);
    }

    [Theory]
    [InlineData(720.5, "Ra")]
    [InlineData(-1, "Ra")]
    [InlineData(double.NaN, "Ra")]
    public void Positions_name_the_users_parameter(double ra, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new VlassPS.Core.Sky.SkyPosition(ra, 0));
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("-Ra", ex.Message);
        Assert.DoesNotContain("raDeg", ex.Message);
    }
}
