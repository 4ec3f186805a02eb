namespace VlassPS.Core.Geometry;

/// <summary>Image sizes in pixels, with tclean's notion of an efficient size.</summary>
public static class ImageSizing
{
    /// <summary>The default VLASS SE image (12500 px at 0.6").</summary>
    public const int StandardSeImsize = 12500;

    /// <summary>
    /// Largest image side VlassPS will plan: 2^20 pixels (a 1M × 1M float image is 4 TB; tclean could not grid
    /// it). Sizes above this are refused rather than wrapped or overflowed.
    /// </summary>
    public const int MaxImsize = 1 << 20;

    /// <summary>
    /// CASA's rule (SynthesisUtilMethods::getOptimumSize): the smallest EVEN size >= n whose prime factors are
    /// only 2, 3 and 5. A factor 7 is not efficient for CASA.
    /// </summary>
    public static int OptimumSize(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "An image size must be positive.");
        long m = n % 2 == 0 ? n : (long)n + 1;
        while (!IsFiveSmooth(m)) m += 2;
        if (m > int.MaxValue) throw new OverflowException($"No efficient image size fits in 32 bits above {n}.");
        return (int)m;
    }

    public static bool IsEfficient(int n) => n > 0 && n % 2 == 0 && IsFiveSmooth(n);

    private static bool IsFiveSmooth(long m)
    {
        foreach (int p in new[] { 2, 3, 5 })
            while (m % p == 0) m /= p;
        return m == 1;
    }

    /// <summary>
    /// The memo's raw pixel count: ceil(side / cell), then up to even (6968 px for a 4180" side at 0.6").
    /// A tolerance of 1e-9 px absorbs floating-point noise such as 4680/0.6 = 7800.000000000001.
    /// </summary>
    public static int RawPixels(double sideArcsec, double cellArcsec)
    {
        double exact = sideArcsec / cellArcsec;
        // Checked before the cast: (long) of a double beyond long's range is undefined (it gave 2 px for 1e19").
        if (!(exact <= int.MaxValue - 2)) throw new OverflowException($"{sideArcsec}\" at {cellArcsec}\" per pixel is too many pixels.");
        long n = (long)Math.Ceiling(exact - 1e-9);
        if (n % 2 != 0) n++;
        if (n > int.MaxValue) throw new OverflowException($"{sideArcsec}\" at {cellArcsec}\" per pixel is too many pixels.");
        return (int)Math.Max(n, 2);
    }
}
