using System.Numerics;
using VlassPS.Core.Seip;

namespace VlassPS.Tests.Seip;

public class PyLiteralReaderTests
{
    [Theory]
    [InlineData("'abc'", "'abc'")]
    [InlineData("\"abc\"", "'abc'")]
    [InlineData("'a' \"b\"  'c'", "'abc'")]
    [InlineData("u'x'", "'x'")]
    [InlineData(@"r'a\nb'", @"'a\\nb'")]
    [InlineData(@"R'\''", @"'\\\''")]
    [InlineData(@"'\x41\u00e9\U0001F600\101\n\t\\\''", @"'A\xe9\U0001f600A\n\t\\\''")]
    [InlineData(@"'\d'", @"'\\d'")]
    [InlineData("'''tri'ple'''", @"'tri\'ple'")]
    [InlineData("42", "42")]
    [InlineData("-42", "-42")]
    [InlineData("+ 7", "7")]
    [InlineData("1_000", "1000")]
    [InlineData("0x_ff", "255")]
    [InlineData("0o17", "15")]
    [InlineData("0b101", "5")]
    [InlineData("000", "0")]
    [InlineData("1.5", "1.5")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5.0")]
    [InlineData("1e3", "1000.0")]
    [InlineData("-1E-5", "-1e-05")]
    [InlineData("True", "True")]
    [InlineData("None", "None")]
    [InlineData("[7200,7200]", "[7200, 7200]")]
    [InlineData("[7200, 7200, ]", "[7200, 7200]")]
    [InlineData("(1)", "1")]
    [InlineData("(1,)", "(1,)")]
    [InlineData("()", "()")]
    [InlineData("{'a': [1, (2, 3)], 'b': {}}", "{'a': [1, (2, 3)], 'b': {}}")]
    [InlineData("{(1, 2): 'x',}", "{(1, 2): 'x'}")]
    [InlineData("[7200,7200]  # full image", "[7200, 7200]")]
    [InlineData("[1,\n 2]", "[1, 2]")]
    [InlineData("  'x'\n", "'x'")]
    [InlineData("\r1.e5", "100000.0")]
    [InlineData("# c\n \n1", "1")]
    [InlineData("\f1\f", "1")]
    [InlineData("1\n\f", "1")]
    [InlineData("1\n  # c", "1")]
    public void Accepts_what_literal_eval_accepts(string source, string expectedPython)
        => Assert.Equal(expectedPython, PyLiteralReader.Parse(source).ToPython());

    [Theory]
    [InlineData("VLASS-SE-CONT-MOSAIC", 1, 1, "name")]
    [InlineData("'abc", 1, 1, "Unterminated")]
    [InlineData("[1, 2", 1, 1, "never closed")]
    [InlineData("[1,,2]", 1, 4, "missing")]
    [InlineData("1 2", 1, 3, "after the value")]
    [InlineData("07", 1, 1, "Leading zeros")]
    [InlineData("inf", 1, 1, "infinity")]
    [InlineData("b'x'", 1, 1, "Bytes")]
    [InlineData("f'x'", 1, 1, "f-strings")]
    [InlineData("1j", 1, 1, "Complex")]
    [InlineData("{1, 2}", 1, 1, "Set")]
    [InlineData("-'a'", 1, 1, "sign")]
    [InlineData("--1", 1, 1, "sign")]
    [InlineData("-True", 1, 1, "sign")]
    [InlineData("{[1]: 2}", 1, 2, "unhashable")]
    [InlineData("1_", 1, 1, "underscore")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("'a'\n'b'", 1, 4, "after the value")]
    [InlineData("[1,\n 2 3]", 2, 4, "expected ','")]
    [InlineData(@"'\U00110000'", 1, 2, "illegal")]
    [InlineData(@"'\x4'", 1, 2, "truncated")]
    [InlineData("true", 1, 1, "True")]
    [InlineData("\n  1", 2, 1, "indent")]
    [InlineData("\v1", 1, 1, "control character")]
    [InlineData("1\n\t", 2, 1, "indent")]
    public void Rejects_with_line_and_column(string source, int line, int column, string reasonPart)
    {
        var ex = Assert.Throws<PyLiteralSyntaxException>(() => PyLiteralReader.Parse(source));
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
        Assert.Contains(reasonPart, ex.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Big_integers_and_float_overflow_behave_like_python()
    {
        Assert.Equal(BigInteger.Pow(10, 40), ((PyInt)PyLiteralReader.Parse("1" + new string('0', 40))).Value);
        Assert.True(double.IsPositiveInfinity(((PyFloat)PyLiteralReader.Parse("1e400")).Value));
        Assert.Equal(0.1, ((PyFloat)PyLiteralReader.Parse("0.1")).Value);
    }
}
