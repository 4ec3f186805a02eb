namespace VlassPS.Core.Photometry;

/// <summary>
/// A region in 0-based pixel coordinates (pixel centres at integers). Membership is decided at the
/// pixel centre ("center" mode): a pixel belongs to the region when its centre lies inside. This is
/// regions'/photutils' mode='center', which we match exactly; no fractional pixels.
/// </summary>
public abstract class PixelRegion
{
    /// <summary>True when the pixel centre (x, y) lies inside.</summary>
    public abstract bool Contains(double x, double y);

    /// <summary>Inclusive pixel bounds that enclose the region (may extend past the image).</summary>
    public abstract (int XMin, int XMax, int YMin, int YMax) Bounds { get; }

    /// <summary>Pixel-space centre used for background annuli.</summary>
    public abstract (double X, double Y) Centre { get; }

    /// <summary>
    /// Appends the inclusive x ranges of row <paramref name="y"/> whose pixel centres are inside (same
    /// membership as <see cref="Contains"/>). The default scans the bounds; polygons override it with a
    /// scanline so large polygons cost O(edges) per row.
    /// </summary>
    public virtual void RowSpans(int y, List<(int X0, int X1)> spans)
    {
        var (x0, x1, _, _) = Bounds;
        var start = int.MinValue;
        for (var x = x0; x <= x1 + 1; x++)
        {
            var inside = x <= x1 && Contains(x, y);
            if (inside && start == int.MinValue) start = x;
            else if (!inside && start != int.MinValue) { spans.Add((start, x - 1)); start = int.MinValue; }
        }
    }

    protected static (int, int, int, int) BoundsOf(double xmin, double xmax, double ymin, double ymax)
        => (Clamp(Math.Floor(xmin)), Clamp(Math.Ceiling(xmax)), Clamp(Math.Floor(ymin)), Clamp(Math.Ceiling(ymax)));

    // Bounds far off the image stay representable (and their loops finite) instead of wrapping around int.
    private static int Clamp(double v) => double.IsNaN(v) ? 0 : (int)Math.Clamp(v, int.MinValue / 2, int.MaxValue / 2);
}

/// <summary>A simple polygon; inside by the even-odd (crossing) rule.</summary>
public sealed class PixelPolygon : PixelRegion
{
    private readonly double[] _x;
    private readonly double[] _y;

    public PixelPolygon(IReadOnlyList<(double X, double Y)> vertices)
    {
        if (vertices.Count < 3) throw new ArgumentException("A polygon needs at least 3 vertices.", nameof(vertices));
        if (vertices.Any(v => !double.IsFinite(v.X) || !double.IsFinite(v.Y)))
            throw new ArgumentException("A polygon vertex does not map to a finite pixel position (outside the projection?).", nameof(vertices));
        _x = vertices.Select(v => v.X).ToArray();
        _y = vertices.Select(v => v.Y).ToArray();
    }

    public IReadOnlyList<(double X, double Y)> Vertices => _x.Zip(_y).ToList();

    public override bool Contains(double x, double y)
    {
        var inside = false;
        for (int i = 0, j = _x.Length - 1; i < _x.Length; j = i++)
        {
            if ((_y[i] > y) != (_y[j] > y))
            {
                var xc = _x[j] + (y - _y[j]) * (_x[i] - _x[j]) / (_y[i] - _y[j]);
                if (x < xc) inside = !inside;
            }
        }
        return inside;
    }

    public override (int XMin, int XMax, int YMin, int YMax) Bounds => BoundsOf(_x.Min(), _x.Max(), _y.Min(), _y.Max());

    public override (double X, double Y) Centre => (_x.Average(), _y.Average());

    /// <summary>
    /// Scanline form of the crossing rule: with the edge crossings xc of row y sorted, a centre x is inside
    /// when an odd number of crossings lie above it, i.e. when xc[2k] &lt;= x &lt; xc[2k+1]. The crossings use the
    /// same arithmetic as <see cref="Contains"/>, so both agree pixel for pixel.
    /// </summary>
    public override void RowSpans(int y, List<(int X0, int X1)> spans)
    {
        // A local buffer keeps one region usable from several threads.
        Span<double> crossings = _x.Length <= 256 ? stackalloc double[_x.Length] : new double[_x.Length];
        var count = 0;
        for (int i = 0, j = _x.Length - 1; i < _x.Length; j = i++)
            if ((_y[i] > y) != (_y[j] > y))
                crossings[count++] = _x[j] + (y - _y[j]) * (_x[i] - _x[j]) / (_y[i] - _y[j]);
        crossings = crossings[..count];
        crossings.Sort();
        for (var k = 0; k + 1 < count; k += 2)
        {
            // Clamped before the cast: a vertex far off the image must not wrap around int.
            var a = (int)Math.Clamp(Math.Ceiling(crossings[k]), int.MinValue / 2, int.MaxValue / 2);
            var b = (int)Math.Clamp(Math.Ceiling(crossings[k + 1]), int.MinValue / 2, int.MaxValue / 2) - 1;
            if (b >= a) spans.Add((a, b));
        }
    }
}

public sealed class PixelCircle : PixelRegion
{
    public PixelCircle(double x, double y, double radius)
    {
        if (!(radius > 0)) throw new ArgumentOutOfRangeException(nameof(radius), "Radius must be positive.");
        X = x; Y = y; Radius = radius;
    }

    public double X { get; }
    public double Y { get; }
    public double Radius { get; }

    public override bool Contains(double x, double y) => (x - X) * (x - X) + (y - Y) * (y - Y) < Radius * Radius;

    public override (int XMin, int XMax, int YMin, int YMax) Bounds => BoundsOf(X - Radius, X + Radius, Y - Radius, Y + Radius);

    public override (double X, double Y) Centre => (X, Y);

    /// <summary>O(1) per row (a huge radius must not cost its diameter per row); the ends agree with Contains.</summary>
    public override void RowSpans(int y, List<(int X0, int X1)> spans)
    {
        var dy = y - Y;
        var h2 = Radius * Radius - dy * dy;
        if (!(h2 > 0)) return;
        var half = Math.Sqrt(h2);
        AddInterval(spans, X - half, X + half, y, Contains);
    }

    /// <summary>The integer x in (lo, hi) whose centres Contains accepts, ends corrected for rounding.</summary>
    internal static void AddInterval(List<(int X0, int X1)> spans, double lo, double hi, int y, Func<double, double, bool> contains)
    {
        if (!(hi >= lo) || !double.IsFinite(lo) || !double.IsFinite(hi)) return;
        long a = (long)Math.Max(int.MinValue / 2, Math.Floor(lo)), b = (long)Math.Min(int.MaxValue / 2, Math.Ceiling(hi));
        for (int k = 0; k < 3 && a <= b && !contains(a, y); k++) a++;
        for (int k = 0; k < 3 && b >= a && !contains(b, y); k++) b--;
        if (a <= b && contains(a, y) && contains(b, y)) spans.Add(((int)a, (int)b));
    }
}

/// <summary>A rectangle of full width (along x when Angle = 0) and height, rotated counter-clockwise by Angle.</summary>
public sealed class PixelBox : PixelRegion
{
    private readonly double _cos, _sin;

    public PixelBox(double x, double y, double width, double height, double angleDeg)
    {
        if (!(width > 0) || !(height > 0)) throw new ArgumentOutOfRangeException(nameof(width), "Box sides must be positive.");
        X = x; Y = y; Width = width; Height = height; AngleDeg = angleDeg;
        _cos = Math.Cos(angleDeg * Math.PI / 180); _sin = Math.Sin(angleDeg * Math.PI / 180);
    }

    public double X { get; }
    public double Y { get; }
    public double Width { get; }
    public double Height { get; }
    public double AngleDeg { get; }

    public override bool Contains(double x, double y)
    {
        var dx = x - X; var dy = y - Y;
        var u = dx * _cos + dy * _sin;
        var v = -dx * _sin + dy * _cos;
        return Math.Abs(u) < Width / 2 && Math.Abs(v) < Height / 2;
    }

    public override (int XMin, int XMax, int YMin, int YMax) Bounds
    {
        get
        {
            var hx = Math.Abs(Width / 2 * _cos) + Math.Abs(Height / 2 * _sin);
            var hy = Math.Abs(Width / 2 * _sin) + Math.Abs(Height / 2 * _cos);
            return BoundsOf(X - hx, X + hx, Y - hy, Y + hy);
        }
    }

    public override (double X, double Y) Centre => (X, Y);

    /// <summary>O(1) per row: the row meets the (convex) box in one interval, from the two slab conditions.</summary>
    public override void RowSpans(int y, List<(int X0, int X1)> spans)
    {
        var dy = y - Y;
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        // |dx cos + dy sin| < W/2 and |-dx sin + dy cos| < H/2, each an interval of dx (or all/none).
        if (!Slab(_cos, dy * _sin, Width / 2, ref lo, ref hi) || !Slab(-_sin, dy * _cos, Height / 2, ref lo, ref hi)) return;
        PixelCircle.AddInterval(spans, X + lo, X + hi, y, Contains);
    }

    private static bool Slab(double k, double c, double half, ref double lo, ref double hi)
    {
        if (Math.Abs(k) < 1e-15) return Math.Abs(c) < half;
        double a = (-half - c) / k, b = (half - c) / k;
        if (a > b) (a, b) = (b, a);
        lo = Math.Max(lo, a);
        hi = Math.Min(hi, b);
        return hi >= lo;
    }
}

/// <summary>Circular annulus inner &lt;= r &lt; outer (for the background rms).</summary>
public sealed class PixelAnnulus : PixelRegion
{
    public PixelAnnulus(double x, double y, double inner, double outer)
    {
        if (!(inner >= 0) || !(outer > inner)) throw new ArgumentOutOfRangeException(nameof(outer), "Annulus needs 0 <= inner < outer.");
        X = x; Y = y; Inner = inner; Outer = outer;
    }

    public double X { get; }
    public double Y { get; }
    public double Inner { get; }
    public double Outer { get; }

    public override bool Contains(double x, double y)
    {
        var r2 = (x - X) * (x - X) + (y - Y) * (y - Y);
        return r2 >= Inner * Inner && r2 < Outer * Outer;
    }

    public override (int XMin, int XMax, int YMin, int YMax) Bounds => BoundsOf(X - Outer, X + Outer, Y - Outer, Y + Outer);

    public override (double X, double Y) Centre => (X, Y);
}
