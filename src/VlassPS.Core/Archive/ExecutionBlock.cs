using VlassPS.Core.Catalog;

namespace VlassPS.Core.Archive;

/// <summary>
/// One execution block (one calibrated Measurement Set) found for a tile, with where it was found.
/// </summary>
public sealed class ExecutionBlock
{
    public ExecutionBlock(ExecutionBlockName name, string? tile, bool qaRejected, IReadOnlyList<string> imageDirectories,
        string? sourceUrl, string? archiveSearchUrl)
    {
        Name = name.Name;
        Epoch = name.Epoch;
        SbId = name.SbId;
        EbId = name.EbId;
        Mjd = name.Mjd;
        Tile = tile;
        QaRejected = qaRejected;
        ImageDirectories = imageDirectories;
        SourceUrl = sourceUrl;
        ArchiveSearchUrl = archiveSearchUrl;
    }

    /// <summary>EB name, e.g. <c>VLASS2.1.sb38561374.eb38565040.59070.62333981482</c>.</summary>
    public string Name { get; }

    /// <summary>Epoch from the name (not from the folder it was found in).</summary>
    public string Epoch { get; }

    /// <summary>Tile whose images were made from this EB.</summary>
    public string? Tile { get; }

    /// <summary>Alias so that EBs bind by property name to <c>-TileName</c>.</summary>
    public string? TileName => Tile;

    /// <summary>The target the EB was found for; null when asked by tile alone.</summary>
    public Targets.VlassTarget? Target { get; private set; }

    /// <summary>This EB labelled with the target it was found for.</summary>
    public ExecutionBlock For(Targets.VlassTarget? target)
    {
        if (target is null || Equals(target, Target)) return this;
        var copy = (ExecutionBlock)MemberwiseClone();
        copy.Target = target;
        return copy;
    }

    public long SbId { get; }
    public long EbId { get; }

    /// <summary>MJD (UTC) from the name.</summary>
    public double Mjd { get; }

    /// <summary>UTC date of <see cref="Mjd"/>; equals the observation date of the tile row in the survey table.</summary>
    public DateOnly Date => ModifiedJulianDate.ToDate(Mjd);

    /// <summary>UTC time of <see cref="Mjd"/>.</summary>
    public DateTime ObservedAt => ModifiedJulianDate.ToDateTimeUtc(Mjd);

    /// <summary>Measurement Set directory name (<see cref="Name"/> + <c>.ms</c>).</summary>
    public string MsName => Name + ".ms";

    /// <summary>Link that searches the NRAO archive for the calibrated MS (template is configurable).</summary>
    public string? ArchiveSearchUrl { get; }

    /// <summary>True when every image made from this EB sits in a <c>QA_REJECTED</c> folder.</summary>
    public bool QaRejected { get; }

    /// <summary>The first image directory naming this EB (accepted images first).</summary>
    public string? ImageDirectory => ImageDirectories.Count > 0 ? ImageDirectories[0] : null;

    /// <summary>Every image directory of the tile whose pipeline script names this EB.</summary>
    public IReadOnlyList<string> ImageDirectories { get; }

    /// <summary>URL of the script or log the name was read from.</summary>
    public string? SourceUrl { get; }

    public override string ToString() => Name;
}
