using System.Text;
using VlassPS.Core.Casa;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Fields;

/// <summary>Chooses the fields of an MS that a target image needs (domain.md §11), by one of two documented rules.</summary>
public static class FieldSelector
{
    /// <summary>The pipeline's name patterns (hif_editimlist): quoted forms because names can be stored with literal quotes.</summary>
    public static readonly IReadOnlyList<string> PipelineNamePatterns = new[] { "0*", "\"0*", "1*", "\"1*", "2*", "\"2*", "T*", "\"T*" };

    /// <summary>The memo's regexes ^0, ^1, ^2 written as shell patterns (identical meaning).</summary>
    public static readonly IReadOnlyList<string> Memo20NamePatterns = new[] { "0*", "1*", "2*" };

    public const double DefaultSearchRadiusArcsec = 1000;

    /// <param name="ms">The MS read by <see cref="MeasurementSetInfo.Read"/>.</param>
    /// <param name="center">Phase centre of the target image.</param>
    /// <param name="scienceWidthArcsec">Science image width (and height when <paramref name="scienceHeightArcsec"/> is null).</param>
    /// <param name="searchRadiusArcsec">R_g, added to half the science size (1000″).</param>
    /// <param name="namePatterns">Shell-style name patterns replacing the method's defaults.</param>
    public static FieldSelection Select(MeasurementSetInfo ms, SkyPosition center, double scienceWidthArcsec, double? scienceHeightArcsec = null,
        FieldSelectionMethod method = FieldSelectionMethod.Pipeline, double searchRadiusArcsec = DefaultSearchRadiusArcsec,
        IReadOnlyList<string>? namePatterns = null)
    {
        if (!(scienceWidthArcsec > 0) || scienceHeightArcsec is not null && !(scienceHeightArcsec > 0))
            throw new ArgumentOutOfRangeException(nameof(scienceWidthArcsec), "The science size must be positive.");
        if (!(searchRadiusArcsec >= 0)) throw new ArgumentOutOfRangeException(nameof(searchRadiusArcsec), "R_g must be zero or positive.");
        double hx = scienceWidthArcsec / 2 + searchRadiusArcsec;
        double hy = (scienceHeightArcsec ?? scienceWidthArcsec) / 2 + searchRadiusArcsec;
        var patterns = namePatterns ?? (method == FieldSelectionMethod.Pipeline ? PipelineNamePatterns : Memo20NamePatterns);
        bool useIntent = method == FieldSelectionMethod.Pipeline && ms.IntentsKnown;

        var chosen = new List<SelectedField>();
        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
        foreach (var f in ms.Fields)
        {
            if (f.PhaseDir is null) continue;
            if (!NameMatches(f, patterns, method, userPatterns: namePatterns is not null)) continue;
            if (useIntent && !f.Intents.Contains("TARGET")) continue;
            var (x, y) = Offsets(center, f.PhaseDir, method);
            double xs = x * SphericalMath.ArcsecPerDeg, ys = y * SphericalMath.ArcsecPerDeg;
            // Extent of the nearby candidate fields (within twice the box; same band in the other axis), for the edge warning.
            if (Math.Abs(ys) < hy && Math.Abs(xs) < 2 * hx) { minX = Math.Min(minX, xs); maxX = Math.Max(maxX, xs); }
            if (Math.Abs(xs) < hx && Math.Abs(ys) < 2 * hy) { minY = Math.Min(minY, ys); maxY = Math.Max(maxY, ys); }
            if (!Inside(xs, ys, hx, hy, method)) continue;
            chosen.Add(new SelectedField
            {
                MeasurementSet = ms.Path, Id = f.Id, Name = f.Name, Position = f.PhaseDir, OffsetXArcsec = xs, OffsetYArcsec = ys,
                Rows = f.Rows, Intents = f.Intents, Method = method, NumPoly = f.NumPoly, PhaseCenter = center, MeasurementSetRows = ms.Rows,
            });
        }

        var warnings = new List<string>();
        var edges = new List<string>();
        if (chosen.Count == 0)
            warnings.Add($"No field of {ms.Path} lies within ±{hx:0.#}″ × ±{hy:0.#}″ of {center.ToSexagesimal()} ({method} rule); nothing to split.");
        else
        {
            // The candidate fields end before the search box does: the rest of the region is in another MS (tile side).
            if (maxY < hy) edges.Add("North");
            if (minY > -hy) edges.Add("South");
            if (maxX < hx) edges.Add("East");
            if (minX > -hx) edges.Add("West");
            if (edges.Count > 0)
                warnings.Add($"The search region reaches past the {string.Join("/", edges)} edge of the fields in {ms.Path}: "
                             + "data on that side are in another MS (neighbouring tile or scheduling block).");
        }
        var moving = chosen.Where(f => f.NumPoly > 0).Select(f => f.Id).ToList();
        if (moving.Count > 0)
            warnings.Add($"Field(s) {CompressIds(moving)} have NUM_POLY > 0 (a phase centre that moves with time); term 0 was used.");

        long selectedRows = chosen.Sum(f => f.Rows);
        return new FieldSelection
        {
            MeasurementSet = ms.Path, PhaseCenter = center, Method = method, HalfWidthXArcsec = hx, HalfWidthYArcsec = hy,
            Fields = chosen, Selection = CompressIds(chosen.Select(f => f.Id)), SelectedRows = selectedRows, TotalRows = ms.Rows,
            EdgesReached = edges, Warnings = warnings,
        };
    }

    /// <summary>
    /// The name test of a rule: the pipeline matches its patterns against the name as its Field.name gives it
    /// (<see cref="MsField.CasaName"/>, quoted when it has characters other than letters, digits, '+', '-'); the memo's
    /// script, and any user-given patterns, match the name as stored.
    /// </summary>
    public static bool NameMatches(MsField field, IReadOnlyList<string> patterns, FieldSelectionMethod method, bool userPatterns = false)
    {
        string name = method == FieldSelectionMethod.Pipeline && !userPatterns ? field.CasaName : field.Name;
        return patterns.Any(p => ShellPattern.IsMatch(name, p));
    }

    /// <summary>
    /// The fields that exactly one of the two rules selects, with the tests the other rule fails (name, intent,
    /// position), for the same science size and R_g. Default name patterns per rule unless <paramref name="namePatterns"/>.
    /// </summary>
    public static IReadOnlyList<FieldRuleDifference> Compare(MeasurementSetInfo ms, SkyPosition center, double scienceWidthArcsec,
        double? scienceHeightArcsec = null, double searchRadiusArcsec = DefaultSearchRadiusArcsec, IReadOnlyList<string>? namePatterns = null)
    {
        var pipe = Select(ms, center, scienceWidthArcsec, scienceHeightArcsec, FieldSelectionMethod.Pipeline, searchRadiusArcsec, namePatterns);
        var memo = Select(ms, center, scienceWidthArcsec, scienceHeightArcsec, FieldSelectionMethod.Memo20, searchRadiusArcsec, namePatterns);
        var inPipe = pipe.Fields.ToDictionary(f => f.Id);
        var inMemo = memo.Fields.ToDictionary(f => f.Id);
        var result = new List<FieldRuleDifference>();
        foreach (var f in ms.Fields)
        {
            bool p = inPipe.ContainsKey(f.Id), m = inMemo.ContainsKey(f.Id);
            if (p == m) continue;
            var other = p ? FieldSelectionMethod.Memo20 : FieldSelectionMethod.Pipeline;
            var h = p ? (memo.HalfWidthXArcsec, memo.HalfWidthYArcsec) : (pipe.HalfWidthXArcsec, pipe.HalfWidthYArcsec);
            var reasons = new List<string>();
            var patterns = namePatterns ?? (other == FieldSelectionMethod.Pipeline ? PipelineNamePatterns : Memo20NamePatterns);
            if (!NameMatches(f, patterns, other, userPatterns: namePatterns is not null)) reasons.Add("name");
            if (other == FieldSelectionMethod.Pipeline && ms.IntentsKnown && !f.Intents.Contains("TARGET")) reasons.Add("intent");
            var (x, y) = Offsets(center, f.PhaseDir!, other);
            if (!Inside(x * SphericalMath.ArcsecPerDeg, y * SphericalMath.ArcsecPerDeg, h.Item1, h.Item2, other)) reasons.Add("position");
            var chosen = p ? inPipe[f.Id] : inMemo[f.Id];
            result.Add(new FieldRuleDifference
            {
                MeasurementSet = ms.Path, Id = f.Id, Name = f.Name, CasaName = f.CasaName, Intents = f.Intents,
                SelectedBy = p ? FieldSelectionMethod.Pipeline : FieldSelectionMethod.Memo20, RejectedBecause = reasons,
                OffsetXArcsec = chosen.OffsetXArcsec, OffsetYArcsec = chosen.OffsetYArcsec, PhaseCenter = center,
            });
        }
        return result;
    }

    /// <summary>Offsets of <paramref name="field"/> from <paramref name="center"/> in degrees, as the method defines them.</summary>
    public static (double X, double Y) Offsets(SkyPosition center, SkyPosition field, FieldSelectionMethod method)
        => method == FieldSelectionMethod.Pipeline ? center.SphericalOffsetsTo(field) : center.RectilinearOffsetsTo(field);

    private static bool Inside(double x, double y, double hx, double hy, FieldSelectionMethod method)
        => method == FieldSelectionMethod.Pipeline
            ? Math.Abs(x) < hx && Math.Abs(y) < hy
            : Math.Abs(x) <= hx && Math.Abs(y) <= hy;

    /// <summary>CASA id list with runs compressed: 0,1,2,3,5 → <c>0~3,5</c>. Ids are sorted and de-duplicated.</summary>
    public static string CompressIds(IEnumerable<int> ids)
    {
        var sorted = ids.Distinct().OrderBy(i => i).ToList();
        var sb = new StringBuilder();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(sorted[i]);
            if (j > i) sb.Append('~').Append(sorted[j]);
            i = j + 1;
        }
        return sb.ToString();
    }
}
