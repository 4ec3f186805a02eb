namespace VlassPS.Core.Tiling;

/// <summary>A VLASS declination band (VLASS Memo 7): tiles of equal RA width 24/n hours.</summary>
public sealed record VlassTier(int Number, double DecMinDeg, double DecMaxDeg, int TileCount)
{
    public double TileWidthHours => 24.0 / TileCount;
    public double TileWidthDeg => 360.0 / TileCount;

    /// <summary>The 32 tiers; all 4° tall except T24 (52°–57°) and T32 (85°–90°), which are 5° tall.</summary>
    public static IReadOnlyList<VlassTier> All { get; } = Build();

    private static VlassTier[] Build()
    {
        int[] counts = { 48, 48, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 36, 32, 32, 32, 32, 30, 30, 24, 24, 24, 24, 18, 18, 15, 12, 9, 9, 4, 2 };
        var tiers = new VlassTier[32];
        double dec = -40;
        for (int i = 0; i < 32; i++)
        {
            int number = i + 1;
            double height = number is 24 or 32 ? 5 : 4;
            tiers[i] = new VlassTier(number, dec, dec + height, counts[i]);
            dec += height;
        }
        return tiers;
    }
}
