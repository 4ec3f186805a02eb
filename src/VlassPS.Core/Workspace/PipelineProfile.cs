using VlassPS.Core.Seip;

namespace VlassPS.Core.Workspace;

/// <summary>
/// What differs between the pipeline versions VlassPS writes workspaces for: the Memo 20 run scripts'
/// 2022.1.1.5, the memo's recommended 2023.1.1.8, and the current 2025.x line. Task calls carry only the
/// recipe's own arguments, which all three accept (no <c>pipelinemode=</c>: memo pitfall 16).
/// </summary>
public sealed class PipelineProfile
{
    /// <summary>Where NRAO installs pipeline CASA on its cluster.</summary>
    public const string NraoPackageRoot = "/home/casa/packages/pipeline";

    private PipelineProfile(PipelineVersion version, string name, string? casaPackage)
    {
        Version = version;
        Name = name;
        CasaPackage = casaPackage;
    }

    public PipelineVersion Version { get; }

    /// <summary>Profile family: 2022, 2023 or 2025.</summary>
    public string Name { get; }

    /// <summary>The NRAO CASA package for this exact version, when VlassPS knows its name.</summary>
    public string? CasaPackage { get; }

    /// <summary>The default CASA installation: the NRAO package when known, otherwise null (use 'casa' on PATH).</summary>
    public string? DefaultCasaPath => CasaPackage is null ? null : NraoPackageRoot + "/" + CasaPackage;

    /// <summary>True when the version reads cutout_imsize (an explicit choice; workspaces use imsubimage by default).</summary>
    public bool UsesCutoutImsize => Version.SupportsCutoutImsize;
    public bool SupportsMultipleMeasurementSets => Version.SupportsMultipleMeasurementSets;

    public static PipelineProfile Default { get; } = For(PipelineVersion.Current2025);

    public static PipelineProfile For(PipelineVersion version)
    {
        string name = version < new PipelineVersion(2023, 0, 0, 0) ? "2022" : version < new PipelineVersion(2025, 0, 0, 0) ? "2023" : "2025";
        string? package = version.ToString() switch
        {
            "2022.1.1.5" => "casa-6.4.1-12-pipeline-2022.1.1.5",
            "2023.1.1.8" => "casa-6.5.4-9-pipeline-2023.1.1.8",
            _ => null,
        };
        return new PipelineProfile(version, name, package);
    }

    public override string ToString() => $"{Version} ({Name} profile{(UsesCutoutImsize ? ", reads cutout_imsize" : "")})";
}
