using System.Management.Automation;
using VlassPS.Core.Configuration;
using VlassPS.Yaml;

namespace VlassPS.Commands;

/// <summary>Reads the module-wide defaults (YAML file in the user's configuration folder).</summary>
[Cmdlet(VerbsCommon.Get, "VlassConfiguration")]
[OutputType(typeof(VlassConfiguration))]
public sealed class GetVlassConfigurationCommand : VlassCmdlet
{
    /// <summary>Configuration file; default $VLASSPS_CONFIG or the per-user config folder.</summary>
    [Parameter(Position = 0)]
    public string? Path { get; set; }

    protected override void EndProcessing()
    {
        string path = Path is null ? VlassConfiguration.DefaultPath() : ResolvePath(Path);
        try
        {
            WriteVerbose($"Reading configuration from {path}.");
            WriteObject(ConfigurationStore.Load(path));
        }
        catch (InvalidDataException ex)
        {
            ThrowInvocationError(ex, "ConfigurationUnreadable", ErrorCategory.ReadError, path);
        }
    }
}
