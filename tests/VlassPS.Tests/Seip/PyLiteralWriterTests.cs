using System.Numerics;
using VlassPS.Core.Seip;

namespace VlassPS.Tests.Seip;

public class PyLiteralWriterTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0, "1.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e100, "1e+100")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(2.6476, "2.6476")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    public void Floats_use_python_repr(double value, string expected)
        => Assert.Equal(expected, PyLiteralWriter.FormatFloat(value));

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void Inf_and_nan_are_refused(double value)
        => Assert.Throws<ArgumentOutOfRangeException>(() => PyLiteralWriter.FormatFloat(value));

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData(@"C:\dir\n", @"'C:\\dir\\n'")]
    [InlineData("a\nb\r\tc", @"'a\nb\r\tc'")]
    [InlineData("\u00e9t\u00e9", @"'\xe9t\xe9'")]
    [InlineData("\u2212", @"'\u2212'")]
    [InlineData("\U0001F600", @"'\U0001f600'")]
    [InlineData("\0\x7f", @"'\x00\x7f'")]
    public void Strings_are_single_quoted_ascii(string value, string expected)
    {
        string lit = PyLiteralWriter.QuoteString(value);
        Assert.Equal(expected, lit);
        Assert.All(lit, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public void Containers_follow_python_syntax()
    {
        var v = new PyList(new PyInt(7200), new PyInt(7200));
        Assert.Equal("[7200, 7200]", v.ToPython());
        Assert.Equal("(1,)", new PyTuple(new PyInt(1)).ToPython());
        Assert.Equal("()", new PyTuple().ToPython());
        Assert.Equal("{'apply': True, 'flagpct_thresh': 0.9, 'x': None}", new PyDict(new[]
        {
            new KeyValuePair<PyValue, PyValue>("apply", true),
            new KeyValuePair<PyValue, PyValue>("flagpct_thresh", 0.9),
            new KeyValuePair<PyValue, PyValue>("x", PyValue.None),
        }).ToPython());
        Assert.Equal("123456789012345678901234567890", new PyInt(BigInteger.Parse("123456789012345678901234567890")).ToPython());
    }

    [Fact]
    public void FromObject_converts_powershell_shapes_and_refuses_others()
    {
        var v = PyValue.FromObject(new object?[] { 1, "a", 2.5, true, null, new System.Collections.Hashtable { ["k"] = 1L } });
        Assert.Equal("[1, 'a', 2.5, True, None, {'k': 1}]", v.ToPython());
        Assert.Throws<ArgumentException>(() => PyValue.FromObject(new Uri("http://x")));
    }

    [Fact]
    public void Dict_keeps_first_position_and_last_value_and_refuses_unhashable_keys()
    {
        var d = new PyDict(new[]
        {
            new KeyValuePair<PyValue, PyValue>("a", 1),
            new KeyValuePair<PyValue, PyValue>("b", 2),
            new KeyValuePair<PyValue, PyValue>("a", 3),
        });
        Assert.Equal("{'a': 3, 'b': 2}", d.ToPython());
        Assert.Throws<ArgumentException>(() => new PyDict(new[] { new KeyValuePair<PyValue, PyValue>(new PyList(), 1) }));
    }
}
