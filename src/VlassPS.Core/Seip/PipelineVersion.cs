using System.Globalization;
using System.Text.RegularExpressions;

namespace VlassPS.Core.Seip;

/// <summary>
/// An NRAO pipeline release number such as 2023.1.1.8. Parses bare numbers and CASA package names
/// (<c>casa-6.5.4-9-pipeline-2023.1.1.8</c>). Features that only some releases have are gated here, in
/// one place, from the facts in domain.md §9.2 and §12.
/// </summary>
public sealed partial class PipelineVersion : IComparable<PipelineVersion>, IEquatable<PipelineVersion>
{
    public PipelineVersion(int year, int major, int minor, int build)
    {
        if (year < 2000 || major < 0 || minor < 0 || build < 0)
            throw new ArgumentOutOfRangeException(nameof(year), "Pipeline versions look like 2023.1.1.8.");
        Year = year; Major = major; Minor = minor; Build = build;
    }

    public int Year { get; }
    public int Major { get; }
    public int Minor { get; }
    public int Build { get; }

    /// <summary>The version Memo 20's run scripts use.</summary>
    public static PipelineVersion Memo2022 { get; } = new(2022, 1, 1, 5);
    /// <summary>The version Memo 20 recommends (newest at publication).</summary>
    public static PipelineVersion Memo2023 { get; } = new(2023, 1, 1, 8);
    /// <summary>The newest numbered release known to VlassPS (current 2025.x line).</summary>
    public static PipelineVersion Current2025 { get; } = new(2025, 1, 1, 61);

    /// <summary>PIPE-2916: <c>cutout_imsize</c> in the parameter list (not in release/2025.1.0).</summary>
    public static PipelineVersion CutoutImsizeSince { get; } = new(2025, 1, 1, 52);
    /// <summary>PIPE-2834: <c>wprojplanes</c> in the parameter list.</summary>
    public static PipelineVersion WprojplanesSince { get; } = new(2025, 1, 1, 36);
    /// <summary>PIPE-1677: several MSs in one hifv_vlassSEIP run (release/2026.1.0).</summary>
    public static PipelineVersion MultiMsSince { get; } = new(2026, 1, 0, 0);
    /// <summary>Keys hif_editimlist reads that 2022.1.1.5 did not (nmajor, datatype, pbmask, vlass_plane_reject_ms).</summary>
    public static PipelineVersion NewerEditimlistKeysSince { get; } = new(2023, 1, 0, 0);
    /// <summary>AWP2 / AWPHPG imaging modes (2025 heuristics).</summary>
    public static PipelineVersion Awp2ModesSince { get; } = new(2025, 1, 0, 0);

    public bool SupportsCutoutImsize => this >= CutoutImsizeSince;
    public bool SupportsWprojplanes => this >= WprojplanesSince;
    public bool SupportsMultipleMeasurementSets => this >= MultiMsSince;

    [GeneratedRegex(@"(?<![0-9.])(20[0-9][0-9])\.([0-9]+)\.([0-9]+)\.([0-9]+)(?![0-9.])")]
    private static partial Regex VersionPattern();

    public static PipelineVersion Parse(string text)
    {
        if (TryParse(text, out var v)) return v!;
        throw new FormatException($"'{text}' is not a pipeline version: expected e.g. 2023.1.1.8 or casa-6.5.4-9-pipeline-2023.1.1.8.");
    }

    public static bool TryParse(string? text, out PipelineVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = VersionPattern().Match(text.Trim());
        if (!m.Success) return false;
        static int I(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
        try { version = new PipelineVersion(I(m.Groups[1]), I(m.Groups[2]), I(m.Groups[3]), I(m.Groups[4])); }
        catch (OverflowException) { return false; }
        return true;
    }

    public int CompareTo(PipelineVersion? other)
    {
        if (other is null) return 1;
        int c = Year.CompareTo(other.Year);
        if (c == 0) c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Build.CompareTo(other.Build);
        return c;
    }

    public bool Equals(PipelineVersion? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => Equals(obj as PipelineVersion);
    public override int GetHashCode() => HashCode.Combine(Year, Major, Minor, Build);
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}.{Major}.{Minor}.{Build}");

    public static bool operator <(PipelineVersion a, PipelineVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(PipelineVersion a, PipelineVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(PipelineVersion a, PipelineVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PipelineVersion a, PipelineVersion b) => a.CompareTo(b) >= 0;
    public static bool operator ==(PipelineVersion? a, PipelineVersion? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(PipelineVersion? a, PipelineVersion? b) => !(a == b);
}
