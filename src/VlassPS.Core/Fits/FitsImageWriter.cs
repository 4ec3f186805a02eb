using System.Buffers.Binary;
using System.Text;

namespace VlassPS.Core.Fits;

/// <summary>
/// Writes a 2-D float32 (BITPIX -32) image in a single primary HDU, row by row from a callback so that
/// a large result never sits in memory. Writes to a temporary file in the target directory, then renames
/// it over the target (atomic on the same file system).
/// </summary>
/// <summary>Fills row <paramref name="y"/> of an image being written.</summary>
public delegate void RowFiller(int y, Span<float> row);

public static class FitsImageWriter
{
    /// <summary>Header keywords copied from a reference image so the result carries its WCS, beam and origin.</summary>
    public static readonly string[] CopiedKeywords =
    {
        "BMAJ", "BMIN", "BPA", "BTYPE", "OBJECT", "BUNIT", "EQUINOX", "RADESYS", "LONPOLE", "LATPOLE",
        "CTYPE1", "CRVAL1", "CDELT1", "CRPIX1", "CUNIT1", "CTYPE2", "CRVAL2", "CDELT2", "CRPIX2", "CUNIT2",
        "PC1_1", "PC1_2", "PC2_1", "PC2_2", "CD1_1", "CD1_2", "CD2_1", "CD2_2", "PV2_1", "PV2_2",
        "RESTFRQ", "SPECSYS", "TELESCOP", "DATE-OBS", "MJD-OBS",
    };

    /// <param name="path">Target path.</param>
    /// <param name="width">NAXIS1.</param>
    /// <param name="height">NAXIS2.</param>
    /// <param name="extraCards">Keyword/value/comment triples written after the mandatory cards.</param>
    /// <param name="fillRow">Called for y = 0..height-1 with a row buffer to fill.</param>
    /// <param name="overwrite">When false an existing target raises IOException.</param>
    public static void Write(string path, int width, int height, IEnumerable<(string Keyword, object? Value, string? Comment)> extraCards,
        RowFiller fillRow, bool overwrite, CancellationToken cancel = default)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "Image dimensions must be positive.");
        var full = Path.GetFullPath(path);
        if (!overwrite && File.Exists(full)) throw new IOException($"'{full}' exists; pass overwrite (-Force) to replace it.");
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                WriteHeader(fs, width, height, extraCards);
                var row = new float[width];
                var bytes = new byte[width * 4];
                for (var y = 0; y < height; y++)
                {
                    if ((y & 255) == 0) cancel.ThrowIfCancellationRequested();
                    Array.Clear(row);
                    fillRow(y, row);
                    for (var x = 0; x < width; x++)
                        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(x * 4), BitConverter.SingleToInt32Bits(row[x]));
                    fs.Write(bytes);
                }
                var dataBytes = (long)width * height * 4;
                PadTo(fs, dataBytes, 0);
                fs.Flush(true);
            }
            File.Move(temp, full, overwrite);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>Cards worth copying from <paramref name="reference"/> (WCS, beam, units) for a derived image.</summary>
    public static IEnumerable<(string, object?, string?)> CardsFrom(FitsHeader reference, params string[] skip)
    {
        foreach (var k in CopiedKeywords)
        {
            if (Array.IndexOf(skip, k) >= 0) continue;
            if (reference.Find(k) is { } c) yield return (k, c.Value, c.Comment);
        }
    }

    private static void WriteHeader(Stream fs, int width, int height, IEnumerable<(string Keyword, object? Value, string? Comment)> extra)
    {
        var cards = new List<string>();
        cards.AddRange(FitsCardFormatter.Format("SIMPLE", true, "conforms to FITS standard"));
        cards.AddRange(FitsCardFormatter.Format("BITPIX", -32L, "IEEE single precision"));
        cards.AddRange(FitsCardFormatter.Format("NAXIS", 2L, null));
        cards.AddRange(FitsCardFormatter.Format("NAXIS1", (long)width, null));
        cards.AddRange(FitsCardFormatter.Format("NAXIS2", (long)height, null));
        var reserved = new HashSet<string> { "SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "EXTEND", "BSCALE", "BZERO", "BLANK", "END" };
        foreach (var (k, v, c) in extra)
        {
            if (reserved.Contains(k)) continue;
            cards.AddRange(FitsCardFormatter.Format(k, v, c));
        }
        cards.Add("END".PadRight(80));
        var text = string.Concat(cards);
        var bytes = Encoding.ASCII.GetBytes(text);
        fs.Write(bytes);
        PadTo(fs, bytes.Length, (byte)' ');
    }

    private static void PadTo(Stream fs, long written, byte fill)
    {
        var rem = (int)(written % FitsCardParser.BlockLength);
        if (rem == 0) return;
        var pad = new byte[FitsCardParser.BlockLength - rem];
        if (fill != 0) Array.Fill(pad, fill);
        fs.Write(pad);
    }
}
