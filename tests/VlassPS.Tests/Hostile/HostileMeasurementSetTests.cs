using VlassPS.Core.Casa;
using VlassPS.Tests.Casa;

namespace VlassPS.Tests.Hostile;

/// <summary>
/// Issue 13 §4: measurement sets that casacore describes but whose columns hold other types or values
/// (written at test time by python-casacore, tests/oracles/casa/make_hostile_ms.py) give a typed
/// <see cref="CasaTableException"/> or a correct result, within seconds; never InvalidCast/Overflow/IndexOutOfRange.
/// </summary>
public sealed class HostileMeasurementSetTests
{
    [SkippableFact]
    public async Task Every_hostile_variant_reads_or_fails_typed_within_seconds()
    {
        CasaTestEnvironment.RequireOracle();
        string temp = CasaTestEnvironment.NewTempDir("hostile-ms");
        try
        {
            var names = CasaTestEnvironment.RunOracle("make_hostile_ms.py", [CasaTestEnvironment.Fixture("vlass_split.ms"), temp])
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(names.Length >= 10, $"only {names.Length} variants were made");
            foreach (var name in names)
            {
                var work = Task.Run(() => MeasurementSetInfo.Read(Path.Combine(temp, name + ".ms")));
                var done = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(20)));
                Assert.True(done == work, $"{name} hung");
                if (work.IsFaulted)
                    Assert.True(work.Exception!.InnerException is CasaTableException,
                        $"{name}: {work.Exception.InnerException!.GetType().FullName}: {work.Exception.InnerException.Message}");
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
