namespace VlassPS.Core.Fits;

/// <summary>Reads one HDU header from the mapped file and validates the mandatory keywords.</summary>
internal static class FitsHduReader
{
    private const int Card = FitsCardParser.CardLength;
    private const int Block = FitsCardParser.BlockLength;

    public static FitsHdu Read(FitsFile file, int hduIndex, long start, long fileLength)
    {
        var cards = new List<FitsCard>();
        var offset = start;
        var index = 0;
        var ended = false;
        FitsCard? pendingLong = null;   // a string value ending in '&' awaiting CONTINUE cards
        System.Text.StringBuilder? longValue = null;
        int continuations = 0;
        string? longComment = null;

        void FlushLong()
        {
            if (pendingLong is not null && longValue is not null && continuations > 0)
                cards[^1] = new FitsCard(pendingLong.Keyword, longValue.ToString(), longComment ?? pendingLong.Comment, true,
                    pendingLong.Index, pendingLong.ByteOffset, pendingLong.CardCount + continuations);
            pendingLong = null;
            longValue = null;
        }

        while (!ended)
        {
            if (offset + Card > fileLength)
                throw new FitsFormatException(hduIndex == 0 && index == 0 ? "File is not FITS: no header" : "Header has no END card before the end of the file", offset, index);
            var raw = FitsCardParser.ParseCard(file.Span(offset, Card), index, offset);
            if (raw.IsContinue && pendingLong is not null && longValue is not null)
            {
                // Appended only; the merged card is built once when the chain ends (linear in the pieces).
                var piece = (string)raw.Value!;
                longValue.Length--; // drop the '&' of the previous piece
                longValue.Append(piece);
                continuations++;
                if (raw.Comment is not null) longComment = raw.Comment;
                if (!piece.EndsWith('&')) FlushLong();
            }
            else if (raw.IsEnd)
            {
                FlushLong();
                ended = true;
            }
            else
            {
                // A value ending in '&' with no CONTINUE after it keeps its '&' (as astropy does).
                FlushLong();
                var card = new FitsCard(raw.Keyword, raw.Value, raw.Comment, raw.HasValue, index, offset);
                cards.Add(card);
                if (raw.HasValue && raw.Value is string s && s.EndsWith('&') && !raw.IsContinue)
                {
                    pendingLong = card;
                    longValue = new System.Text.StringBuilder(s);
                    continuations = 0;
                    longComment = null;
                }
            }
            offset += Card;
            index++;
        }
        var headerBytes = RoundUp(offset - start);
        var header = new FitsHeader(cards, start, headerBytes);
        return Validate(hduIndex, header, start, headerBytes, fileLength);
    }

    private static long RoundUp(long n) => (n + Block - 1) / Block * Block;

    private static FitsHdu Validate(int hduIndex, FitsHeader header, long start, long headerBytes, long fileLength)
    {
        var cards = header.Cards;
        string? xtension = null;
        if (cards.Count == 0)
            throw new FitsFormatException("Header is empty", start, 0);
        if (hduIndex == 0)
        {
            if (cards[0].Keyword != "SIMPLE" || cards[0].Value is not bool)
                throw new FitsFormatException("File is not FITS: the first card is not SIMPLE = T", cards[0].ByteOffset, 0);
        }
        else
        {
            if (cards[0].Keyword != "XTENSION" || cards[0].Value is not string x)
                throw new FitsFormatException("Extension header does not start with XTENSION", cards[0].ByteOffset, 0);
            xtension = x.Trim();
        }
        ExpectAt(cards, 1, "BITPIX");
        ExpectAt(cards, 2, "NAXIS");
        var bitpix = header.RequireInteger("BITPIX", start);
        if (bitpix is not (8 or 16 or 32 or 64 or -32 or -64))
            throw new FitsFormatException($"BITPIX = {bitpix} is not one of 8, 16, 32, 64, -32, -64", cards[1].ByteOffset, 1);
        var naxis = header.RequireInteger("NAXIS", start);
        if (naxis is < 0 or > 999)
            throw new FitsFormatException($"NAXIS = {naxis} is outside 0..999", cards[2].ByteOffset, 2);
        var axes = new long[naxis];
        for (var i = 0; i < naxis; i++)
        {
            ExpectAt(cards, 3 + i, $"NAXIS{i + 1}");
            axes[i] = header.RequireInteger($"NAXIS{i + 1}", start);
            if (axes[i] < 0)
                throw new FitsFormatException($"NAXIS{i + 1} = {axes[i]} is negative", cards[3 + i].ByteOffset, 3 + i);
        }
        long pcount = 0, gcount = 1;
        if (xtension is not null)
        {
            pcount = header.RequireInteger("PCOUNT", start);
            gcount = header.RequireInteger("GCOUNT", start);
            if (pcount < 0 || gcount < 0)
                throw new FitsFormatException("PCOUNT and GCOUNT must not be negative", start);
        }
        var groups = header.GetBool("GROUPS") ?? false;
        long dataBytes;
        try
        {
            checked
            {
                long count = naxis == 0 ? 0 : 1;
                for (var i = groups && naxis > 0 ? 1 : 0; i < naxis; i++) count *= axes[i];
                if (groups) { pcount = header.GetLong("PCOUNT") ?? 0; gcount = header.GetLong("GCOUNT") ?? 1; }
                dataBytes = Math.Abs(bitpix) / 8 * gcount * (pcount + count);
                if (naxis == 0) dataBytes = 0;
            }
        }
        catch (OverflowException)
        {
            throw new FitsFormatException("Data size given by NAXISn, PCOUNT and GCOUNT overflows", start);
        }
        // A header whose last block is cut short is tolerated when no data follow it.
        var dataOffset = Math.Min(start + headerBytes, fileLength);
        var padded = RoundUp(dataBytes);
        if (dataBytes > fileLength - dataOffset)
            throw new FitsFormatException($"File is truncated: HDU {hduIndex} needs {dataBytes} data bytes, {fileLength - dataOffset} remain", dataOffset);
        // Missing padding after the last data block is tolerated.
        padded = Math.Min(padded, fileLength - dataOffset);
        return new FitsHdu(hduIndex, header, (int)bitpix, axes, dataOffset, dataBytes, padded, xtension);
    }

    private static void ExpectAt(IReadOnlyList<FitsCard> cards, int i, string keyword)
    {
        if (i >= cards.Count)
            throw new FitsFormatException($"Required keyword {keyword} is missing", cards[^1].ByteOffset, cards.Count - 1);
        if (cards[i].Keyword != keyword)
            throw new FitsFormatException($"Expected {keyword} as card {i}, found '{cards[i].Keyword}'", cards[i].ByteOffset, i);
    }
}
