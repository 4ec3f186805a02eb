using System.Text.RegularExpressions;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Seip;

/// <summary>
/// Checks a parameter list against what the SE pipeline needs. Errors: what would break the run
/// (imagename with spaces or path separators, unknown imaging mode, odd or non-positive imsize, cell
/// without unit, unparsable phasecenter, wrong value types). Warnings: keys the targeted pipeline
/// version ignores (cutout_imsize before 2025.1.1.52, wprojplanes before 2025.1.1.36, unknown keys).
/// </summary>
public static partial class SeipValidator
{
    [GeneratedRegex(@"^\s*([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*(arcsec|arcmin|deg|rad|mas|ppb)\s*$")]
    private static partial Regex CellPattern();

    public static IReadOnlyList<SeipIssue> Validate(SeipParameterList list, PipelineVersion? version)
    {
        var v = new Collector(list);

        // imagename: becomes part of every product file name.
        switch (list[SeipKeys.ImageName])
        {
            case null: v.Error("SeipImageNameMissing", SeipKeys.ImageName, "imagename is required."); break;
            case PyStr s:
                if (s.Value.Length == 0) v.Error("SeipImageNameEmpty", SeipKeys.ImageName, "imagename is empty.");
                else if (s.Value.Any(char.IsWhiteSpace) || s.Value.Any(char.IsControl))
                    v.Error("SeipImageNameInvalid", SeipKeys.ImageName, $"imagename '{s.Value}' contains whitespace or control characters; the pipeline uses it in file names.");
                else if (s.Value.Contains('/') || s.Value.Contains('\\'))
                    v.Error("SeipImageNameInvalid", SeipKeys.ImageName, $"imagename '{s.Value}' contains a path separator; it must be a plain name.");
                else if (s.Value is "." or "..")
                    v.Error("SeipImageNameInvalid", SeipKeys.ImageName, "imagename cannot be '.' or '..'.");
                break;
            default: v.WrongType(SeipKeys.ImageName, "a string"); break;
        }

        switch (list[SeipKeys.PhaseCenter])
        {
            case null: v.Error("SeipPhaseCenterMissing", SeipKeys.PhaseCenter, "phasecenter is required for VLASS imaging (field selection needs it)."); break;
            case PyStr s:
                if (!SkyPosition.TryParse(s.Value, out _, out string? why))
                    v.Error("SeipPhaseCenterInvalid", SeipKeys.PhaseCenter, $"phasecenter '{s.Value}' does not parse: {why}");
                break;
            default: v.WrongType(SeipKeys.PhaseCenter, "a string like 'J2000 08:07:57.538 +04.32.34.53'"); break;
        }

        string? mode = null;
        switch (list[SeipKeys.ImagingMode])
        {
            case null: v.Warning("SeipImagingModeMissing", SeipKeys.ImagingMode, $"imaging_mode is not set: the pipeline then uses VLASS-QL heuristics, not SE ({ImagingModes.SeContMosaic})."); break;
            case PyStr s:
                mode = s.Value;
                if (!ImagingModes.IsKnown(mode))
                    v.Error("SeipImagingModeUnknown", SeipKeys.ImagingMode, $"imaging_mode '{mode}' is not a VLASS mode; known: {string.Join(", ", ImagingModes.All)}.");
                else if (version is not null && ImagingModes.NeedsAwp2Heuristics(mode) && version < PipelineVersion.Awp2ModesSince)
                    v.Warning("SeipImagingModeTooNew", SeipKeys.ImagingMode, $"imaging_mode '{mode}' exists only in 2025 pipelines, not in {version}.");
                break;
            default: v.WrongType(SeipKeys.ImagingMode, "a string"); break;
        }

        CheckPixelSize(v, list, SeipKeys.Imsize, required: false);
        CheckPixelSize(v, list, SeipKeys.CutoutImsize, required: false);

        switch (list[SeipKeys.Cell])
        {
            case null: break;
            case PyStr s: CheckCell(v, s.Value); break;
            case PySequence seq when seq.Count is 1 or 2 && seq.All(x => x is PyStr):
                foreach (PyStr x in seq.Cast<PyStr>()) CheckCell(v, x.Value);
                break;
            default: v.WrongType(SeipKeys.Cell, "a string with a unit such as '0.6arcsec'"); break;
        }

        foreach (var key in new[] { SeipKeys.CycleNiter, SeipKeys.CycleNiterFinalImageNoMask })
        {
            switch (list[key])
            {
                case null or PyNone: break;
                case PyInt i when i.Value > 0 || i.Value == -999: break;   // -999 = "use the default"
                case PyInt i: v.Error("SeipCycleNiterInvalid", key, $"{key} = {i.Value} must be a positive integer (or None)."); break;
                default: v.WrongType(key, "a positive integer or None"); break;
            }
        }

        CheckNumber(v, list, SeipKeys.PbLimit, x => x > 0 && x < 1, "between 0 and 1 (exclusive)");
        CheckNumber(v, list, SeipKeys.NSigma, x => x > 0, "positive");
        CheckNumber(v, list, SeipKeys.Robust, x => x >= -2 && x <= 2, "between -2 and 2");
        CheckNumber(v, list, SeipKeys.SearchRadiusArcsec, _ => true, "a number");
        if (list.SearchRadiusArcsec is < 0)
            v.Warning("SeipSearchRadiusNegative", SeipKeys.SearchRadiusArcsec, "A negative search_radius_arcsec shrinks the pipeline's field search below 1800\"; this is untested.");

        foreach (var key in new[] { SeipKeys.Field, SeipKeys.Spw })
        {
            switch (list[key])
            {
                case null or PyStr: break;
                case PySequence seq when seq.All(x => x is PyStr || x is PySequence inner && inner.All(y => y is PyStr)): break;
                default: v.WrongType(key, "a string or a list of strings"); break;
            }
        }

        switch (list[SeipKeys.WProjPlanes])
        {
            case null: break;
            case PyInt i when i.Value >= 1:
                if (mode is not null && !ImagingModes.ReadsWprojplanes(mode))
                    v.Warning("SeipWprojplanesIgnored", SeipKeys.WProjPlanes, $"wprojplanes is used only by VLASS-SE-CONT/AWP modes, not by {mode}.");
                break;
            default: v.WrongType(SeipKeys.WProjPlanes, "a positive integer"); break;
        }

        CheckSearchBox(v, list, version);

        if (list.Imsize is int[] full && list.CutoutImsize is int[] cut && full.Length > 0 && cut.Length > 0 && cut.Max() > full.Max())
            v.Warning("SeipCutoutLargerThanImage", SeipKeys.CutoutImsize, "cutout_imsize is larger than imsize.");

        foreach (var key in list.Keys)
        {
            if (SeipKeys.IsRead(key, version)) continue;
            if (key == SeipKeys.CutoutImsize)
                v.Warning("SeipKeyNeedsNewerPipeline", key, $"cutout_imsize is read only by pipeline {PipelineVersion.CutoutImsizeSince} and later; {version} ignores it and cuts a fixed 3720\" square.");
            else if (key == SeipKeys.WProjPlanes)
                v.Warning("SeipKeyNeedsNewerPipeline", key, $"wprojplanes is read only by pipeline {PipelineVersion.WprojplanesSince} and later; {version} ignores it.");
            else if (SeipKeys.AddedAfter2022.Contains(key))
                v.Warning("SeipKeyNeedsNewerPipeline", key, $"'{key}' is not read by pipeline {version}.");
            else
                v.Warning("SeipKeyUnknown", key, $"'{key}' is not a key hif_editimlist reads; the pipeline ignores it silently.");
        }
        return v.Issues;
    }

    /// <summary>The pipeline's own field search (1800″ + search_radius_arcsec) must cover the region the list was built for.</summary>
    private static void CheckSearchBox(Collector v, SeipParameterList list, PipelineVersion? version)
    {
        if (list.SearchHalfWidthXArcsec is not double hx || list.SearchHalfWidthYArcsec is not double hy) return;
        if (list.CutoutImsize is not null && (version is null || version.SupportsCutoutImsize)) return;   // the workspace explains that scheme
        if (list[SeipKeys.SearchRadiusArcsec] is not (null or PyInt or PyFloat)) return;
        if (list.PhaseCenter is null || !SkyPosition.TryParse(list.PhaseCenter, out var center, out _)) return;
        double need = PipelineFieldSearch.CoveringHalfWidth(center!, hx, hy);
        double have = PipelineFieldSearch.MosaicHalfWidthArcsec + (list.SearchRadiusArcsec ?? PipelineFieldSearch.DefaultSearchRadiusArcsec);
        if (have < need)
            v.Warning("SeipSearchBoxTooSmall", SeipKeys.SearchRadiusArcsec, FormattableString.Invariant(
                $"The pipeline searches fields only within {have:0.#}\" (1800\" + search_radius_arcsec) of the phase centre, but the search region reaches {need:0.#}\": fields split out for the image would be dropped. Use search_radius_arcsec >= {Math.Ceiling(need + PipelineFieldSearch.MarginArcsec - PipelineFieldSearch.MosaicHalfWidthArcsec)}."));
    }

    private static void CheckPixelSize(Collector v, SeipParameterList list, string key, bool required)
    {
        var value = list[key];
        if (value is null) { if (required) v.Error("SeipImsizeMissing", key, $"{key} is required."); return; }
        IEnumerable<PyValue> parts = value is PySequence seq && seq.Count is 1 or 2 ? seq : new[] { value };
        foreach (var p in parts)
        {
            if (p is not PyInt i)
            {
                if (key == SeipKeys.Imsize && p is PyStr s && s.Value.EndsWith("pb", StringComparison.Ordinal))
                    v.Error("SeipImsizeInvalid", key, $"imsize '{s.Value}' (primary-beam form) is not used by VLASS modes; give pixels.");
                else v.WrongType(key, "an even positive integer or a list of one or two");
                return;
            }
            if (i.Value <= 0) { v.Error("SeipImsizeInvalid", key, $"{key} {i.Value} must be positive."); return; }
            if (i.Value > Geometry.ImageSizing.MaxImsize)
            {
                v.Error("SeipImsizeInvalid", key, $"{key} {i.Value} is more than {Geometry.ImageSizing.MaxImsize} pixels per side; such an image cannot be imaged.");
                return;
            }
            if (!i.Value.IsEven) { v.Error("SeipImsizeOdd", key, $"{key} {i.Value} is odd; tclean needs an even size (use the next efficient size)."); return; }
        }
    }

    private static void CheckCell(Collector v, string cell)
    {
        if (!CellPattern().IsMatch(cell))
            v.Error("SeipCellInvalid", SeipKeys.Cell, $"cell '{cell}' needs a number with a unit, e.g. '0.6arcsec'.");
    }

    private static void CheckNumber(Collector v, SeipParameterList list, string key, Func<double, bool> ok, string rule)
    {
        switch (list[key])
        {
            case null: return;
            case PyInt or PyFloat:
                double x = list[key] is PyFloat f ? f.Value : (double)((PyInt)list[key]!).Value;
                if (!double.IsFinite(x) || !ok(x)) v.Error("SeipValueOutOfRange", key, $"{key} = {list[key]!.ToPython()} must be {rule}.");
                return;
            default: v.WrongType(key, "a number"); return;
        }
    }

    private sealed class Collector(SeipParameterList list)
    {
        public List<SeipIssue> Issues { get; } = new();
        public void Error(string id, string key, string message) => Issues.Add(new(SeipIssueSeverity.Error, id, key, list.LineOf(key), null, message));
        public void Warning(string id, string key, string message) => Issues.Add(new(SeipIssueSeverity.Warning, id, key, list.LineOf(key), null, message));
        public void WrongType(string key, string expected)
            => Error("SeipValueWrongType", key, $"{key} = {list[key]!.ToPython()} has type {list[key]!.TypeName}; expected {expected}.");
    }
}
