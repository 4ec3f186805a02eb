using System.Text.RegularExpressions;

namespace VlassPS.Core.Fits;

/// <summary>
/// The parts of a VLASS pipeline product file name, e.g.
/// VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.rms.subim.fits:
/// epoch VLASS2.1, kind se, tile T12t13, image directory J-name, Stokes I, iteration 3,
/// product "image.pbcor.tt0.rms", cutout (subim).
/// </summary>
public sealed partial class VlassProductName
{
    [GeneratedRegex(@"^(?<dir>(?<epoch>VLASS[0-9]+\.[0-9])\.(?<kind>ql|se|cc)\.(?<tile>T[0-9][0-9]t[0-9][0-9])\.(?<jname>J[0-9]{6}[+-][0-9]{6})\.(?<pix>[0-9][0-9])\.(?<bw>[0-9]{4})\.v(?<ver>[0-9]+))\.(?<stokes>[IQUV]+)\.iter(?<iter>[0-9]+)\.(?<rest>.+?)\.fits$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public string ImageDirectory { get; private init; } = "";
    public string Epoch { get; private init; } = "";
    /// <summary>ql (Quick Look), se (Single Epoch) or cc (cubes).</summary>
    public string Kind { get; private init; } = "";
    public string Tile { get; private init; } = "";
    public string JName { get; private init; } = "";
    public double PixelArcsec { get; private init; }
    public int Version { get; private init; }
    public string Stokes { get; private init; } = "";
    public int Iteration { get; private init; }
    /// <summary>Product without the cutout suffix: image.pbcor.tt0, image.pbcor.tt0.rms, image.pbcor.tt1, alpha, alpha.error, ...</summary>
    public string Product { get; private init; } = "";
    public bool IsCutout { get; private init; }
    public bool IsRms => Product.EndsWith(".rms", StringComparison.OrdinalIgnoreCase) || Product.Equals("rms", StringComparison.OrdinalIgnoreCase);

    /// <summary>"SE image.pbcor.tt0", "QL image.pbcor.tt0.rms", ...</summary>
    public string ProductType => $"{Kind.ToUpperInvariant()} {Product}";

    public static VlassProductName? TryParse(string fileName)
    {
        var m = Pattern().Match(Path.GetFileName(fileName));
        if (!m.Success) return null;
        var rest = m.Groups["rest"].Value;
        var cut = rest.EndsWith(".subim", StringComparison.OrdinalIgnoreCase);
        return new VlassProductName
        {
            ImageDirectory = m.Groups["dir"].Value,
            Epoch = m.Groups["epoch"].Value,
            Kind = m.Groups["kind"].Value.ToLowerInvariant(),
            Tile = m.Groups["tile"].Value,
            JName = m.Groups["jname"].Value,
            PixelArcsec = int.Parse(m.Groups["pix"].Value, System.Globalization.CultureInfo.InvariantCulture) / 10.0,
            Version = int.Parse(m.Groups["ver"].Value, System.Globalization.CultureInfo.InvariantCulture),
            Stokes = m.Groups["stokes"].Value.ToUpperInvariant(),
            Iteration = int.Parse(m.Groups["iter"].Value, System.Globalization.CultureInfo.InvariantCulture),
            Product = cut ? rest[..^".subim".Length] : rest,
            IsCutout = cut,
        };
    }

    /// <summary>
    /// The file name of the pipeline rms image that belongs to this product (…tt0.subim.fits -> …tt0.rms.subim.fits),
    /// or null for rms products themselves.
    /// </summary>
    public string? RmsFileName()
    {
        if (IsRms) return null;
        return $"{ImageDirectory}.{Stokes}.iter{Iteration}.{Product}.rms{(IsCutout ? ".subim" : "")}.fits";
    }

    public override string ToString() => ProductType;
}
