namespace VlassPS.Core.Seip;

/// <summary>The <c>imaging_mode</c> values the VLASS heuristics know (domain.md §10.1).</summary>
public static class ImagingModes
{
    public const string SeContMosaic = "VLASS-SE-CONT-MOSAIC";
    public const string QuickLook = "VLASS-QL";

    private static readonly string[] Awp2Family =
    {
        "VLASS-SE-CONT-AWP2", "VLASS-SE-CONT-AWP2-P032", "VLASS-SE-CONT-AWP2-P001",
        "VLASS-SE-CONT-AWPHPG", "VLASS-SE-CONT-AWPHPG-P032", "VLASS-SE-CONT-AWPHPG-P001",
    };

    public static IReadOnlyList<string> All { get; } = new[]
    {
        QuickLook, "VLASS-SE-CONT", "VLASS-SE-CONT-AWP", "VLASS-SE-CONT-AWP-P032", "VLASS-SE-CONT-AWP-P001",
    }.Concat(Awp2Family).Concat(new[] { SeContMosaic, "VLASS-SE-CUBE", "VLASS-SE-TAPER" }).ToArray();

    public static bool IsKnown(string mode) => All.Contains(mode, StringComparer.Ordinal);

    /// <summary>AWP2/AWPHPG modes exist only in 2025 heuristics.</summary>
    public static bool NeedsAwp2Heuristics(string mode) => Awp2Family.Contains(mode, StringComparer.Ordinal);

    /// <summary>Modes whose gridder uses <c>wprojplanes</c> from the list (PIPE-2834).</summary>
    public static bool ReadsWprojplanes(string mode)
        => mode is "VLASS-SE-CONT" || mode.StartsWith("VLASS-SE-CONT-AWP", StringComparison.Ordinal);

    /// <summary>Whether the mode belongs to single-epoch imaging (what the hifv_vlassSEIP recipe runs).</summary>
    public static bool IsSingleEpoch(string mode) => mode.StartsWith("VLASS-SE-", StringComparison.Ordinal);
}
