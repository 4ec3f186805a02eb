using System.Numerics;
using System.Text.Json;
using VlassPS.Core.Casa;

namespace VlassPS.Tests.Casa;

/// <summary>Exact comparison of our decoded values with python-casacore's JSON dump.</summary>
internal static class OracleComparer
{
    public static void AssertValue(JsonElement expected, object? actual, string where)
    {
        switch (actual)
        {
            case null:
                Assert.True(expected.ValueKind == JsonValueKind.Null, $"{where}: expected {expected}, got null");
                break;
            case bool b:
                Assert.True(expected.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{where}: expected {expected}, got bool");
                Assert.True(expected.GetBoolean() == b, $"{where}: expected {expected}, got {b}");
                break;
            case string s:
                Assert.True(expected.GetString() == s, $"{where}: expected '{Short(expected.GetString())}', got '{Short(s)}'");
                break;
            case Complex c:
                Assert.True(expected[0].GetDouble() == c.Real && expected[1].GetDouble() == c.Imaginary, $"{where}: expected {expected}, got {c}");
                break;
            case float f:
                Assert.True(expected.GetDouble() == f, $"{where}: expected {expected}, got {f:R}");
                break;
            case double d:
                Assert.True(expected.GetDouble() == d, $"{where}: expected {expected}, got {d:R}");
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                long v = Convert.ToInt64(actual);
                Assert.True(expected.ValueKind == JsonValueKind.Number && expected.GetInt64() == v, $"{where}: expected {expected}, got {v}");
                break;
            default:
                throw new InvalidOperationException($"{where}: unexpected value type {actual.GetType()}");
        }
    }

    private static string? Short(string? s) => s is { Length: > 60 } ? s[..60] + $"...({s.Length})" : s;

    public static void AssertScalarColumn(JsonElement expectedValues, Array actual, string where)
    {
        Assert.True(expectedValues.GetArrayLength() == actual.Length, $"{where}: {expectedValues.GetArrayLength()} rows expected, {actual.Length} read");
        int i = 0;
        foreach (var e in expectedValues.EnumerateArray())
        {
            AssertValue(e, actual.GetValue(i), $"{where}[{i}]");
            i++;
        }
    }

    public static void AssertArrayColumn(JsonElement expectedCells, CasaArray?[] actual, string where)
    {
        Assert.True(expectedCells.GetArrayLength() == actual.Length, $"{where}: {expectedCells.GetArrayLength()} rows expected, {actual.Length} read");
        int i = 0;
        foreach (var e in expectedCells.EnumerateArray())
        {
            var a = actual[i];
            string at = $"{where}[{i}]";
            if (e.ValueKind == JsonValueKind.Null)
                Assert.True(a is null || a.Length == 0, $"{at}: expected undefined, got {a}");
            else
            {
                Assert.True(a is not null, $"{at}: expected {e}, got undefined");
                var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()).ToArray();
                Assert.True(shape.SequenceEqual(a!.Shape), $"{at}: shape [{string.Join(",", shape)}] expected, [{string.Join(",", a.Shape)}] read");
                AssertScalarColumn(e.GetProperty("values"), a.Values, at);
            }
            i++;
        }
    }
}
