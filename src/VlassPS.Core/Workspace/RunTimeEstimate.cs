namespace VlassPS.Core.Workspace;

/// <summary>
/// Wall-time requests from Memo 20's measurements (domain.md §1.3): a 6968 px full image took about
/// 4.75 h on 4 cores, and the default 12500 px image about 6 times as long, which a cube law in the
/// image side reproduces ((12500/6968)^3 = 5.8). The request is twice the estimate, rounded up to whole
/// hours and at least 6 h, because a job killed at its limit loses everything.
/// </summary>
public static class RunTimeEstimate
{
    public const double MemoHours = 4.75;
    public const int MemoPixels = 6968;
    public const double SafetyFactor = 2.0;
    public const int MinimumHours = 6;

    public static double EstimateHours(int imsizeX, int imsizeY)
    {
        int n = Math.Max(Math.Max(imsizeX, imsizeY), 1);
        return MemoHours * Math.Pow((double)n / MemoPixels, 3);
    }

    /// <summary>No batch system grants more than this; a larger estimate is capped rather than overflowing TimeSpan.</summary>
    public const double MaximumHours = 24 * 365;

    public static TimeSpan Request(int imsizeX, int imsizeY)
        => TimeSpan.FromHours(Math.Min(MaximumHours, Math.Max(MinimumHours, Math.Ceiling(SafetyFactor * EstimateHours(imsizeX, imsizeY)))));
}
