using System.Runtime.Loader;
using VlassPS.Core.Configuration;
using VlassPS.Tests.Hosting;

namespace VlassPS.Tests.Module;

/// <summary>
/// The module keeps working when the host already loaded another YamlDotNet: this test process loads
/// YamlDotNet 18 into the Default context first; the module's own YamlDotNet loads into its private context.
/// </summary>
public class IsolationTests
{
    [Fact]
    public void Module_uses_its_own_YamlDotNet_beside_a_different_version_in_the_host()
    {
        // The host's copy, loaded before the module.
        var hostYaml = typeof(YamlDotNet.Serialization.SerializerBuilder).Assembly;
        Assert.Equal(18, hostYaml.GetName().Version!.Major);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(hostYaml));
        _ = new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(new { a = 1 });

        using var ps = new ModuleSession();
        string file = Path.Combine(Path.GetTempPath(), "vlassps-iso-" + Guid.NewGuid().ToString("N"), "config.yaml");
        try
        {
            ps.Run("Set-VlassConfiguration -Path $args[0] -CasaPath '/opt/casa' -Scheduler Pbs", file);
            var config = ps.Run("Get-VlassConfiguration -Path $args[0]", file).Single().BaseObject;
            // The output type is the Default-context VlassPS.Core type this test was compiled against.
            var typed = Assert.IsType<VlassConfiguration>(config);
            Assert.Equal("/opt/casa", typed.CasaPath);
            Assert.Equal("Pbs", typed.Scheduler);

            var alc = VlassPS.Core.LoadContext.Current!;
            Assert.Equal("VlassPS", alc.Name);
            var moduleYaml = alc.Assemblies.Single(a => a.GetName().Name == "YamlDotNet");
            Assert.Equal(16, moduleYaml.GetName().Version!.Major);
            Assert.NotSame(hostYaml, moduleYaml);
            // VlassPS.Core is shared, not duplicated into the private context.
            Assert.DoesNotContain(alc.Assemblies, a => a.GetName().Name == "VlassPS.Core");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
