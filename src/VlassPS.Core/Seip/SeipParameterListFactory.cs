using System.Globalization;
using System.Text;
using VlassPS.Core.Geometry;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Seip;

/// <summary>Builds the parameter list for a target and an image geometry, in the conventional key order.</summary>
public static class SeipParameterListFactory
{
    /// <summary>
    /// imagename, phasecenter, imaging_mode, imsize (the geometry's efficient size unless given) and cell, plus
    /// search_radius_arcsec when the geometry's search region (science/2 + R_g) reaches past the pipeline's default
    /// field search (1800″ + 1000″), so that the pipeline keeps every field VlassPS splits out.
    /// cutout_imsize is never added here: it changes the pipeline's field search to cell·cutout/2 (no R_g buffer).
    /// </summary>
    public static SeipParameterList Create(SkyPosition center, ImageGeometry? geometry, string? imageName = null,
        int[]? imsize = null, string? imagingMode = null, PipelineVersion? version = null)
    {
        var list = new SeipParameterList { PipelineVersion = version };
        list.ImageName = imageName ?? DefaultImageName(center.Name ?? center.IauName);
        list.PhaseCenter = center.ToCasaString();
        list.ImagingMode = imagingMode ?? ImagingModes.SeContMosaic;
        if (imsize is not null) list.Imsize = imsize;
        else if (geometry is not null) list.Imsize = new[] { geometry.ImsizeX, geometry.ImsizeY };
        double cell = geometry?.CellArcsec ?? ImageGeometry.DefaultCellArcsec;
        list.Cell = PyLiteralWriter.FormatFloat(cell).TrimEnd('0').TrimEnd('.') + "arcsec";
        if (geometry is not null)
        {
            list.ScienceWidthArcsec = geometry.ScienceWidthArcsec;
            list.ScienceHeightArcsec = geometry.ScienceHeightArcsec;
            list.SearchHalfWidthXArcsec = geometry.SearchHalfWidthXArcsec;
            list.SearchHalfWidthYArcsec = geometry.SearchHalfWidthYArcsec;
            list.Comments.Add(string.Create(CultureInfo.InvariantCulture,
                $" VlassPS: science {geometry.ScienceWidthArcsec}\"x{geometry.ScienceHeightArcsec}\", R_g {geometry.SearchRadiusArcsec}\", margin {geometry.AliasingMarginArcsec}\", cell {cell}\" -> {geometry.FullWidthArcsec}\" -> {geometry.RawPixelsX} px -> {geometry.ImsizeX}"));
            if (PipelineFieldSearch.RequiredSearchRadius(center, geometry.SearchHalfWidthXArcsec, geometry.SearchHalfWidthYArcsec) is double radius)
            {
                list.SearchRadiusArcsec = radius;
                list.Comments.Add(string.Create(CultureInfo.InvariantCulture,
                    $" VlassPS: search region +-{geometry.SearchHalfWidthXArcsec}\"x{geometry.SearchHalfWidthYArcsec}\" > the pipeline's 1800\"+1000\" field search: search_radius_arcsec {radius}"));
            }
        }
        return list;
    }

    /// <summary>VLASS_SE_ + the name with anything but letters, digits, '.', '_' and '-' replaced by '_' (J0807+0432 -> VLASS_SE_J0807_0432).</summary>
    public static string DefaultImageName(string name)
    {
        var sb = new StringBuilder("VLASS_SE_");
        foreach (char c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        }
        return sb.ToString().TrimEnd('_');
    }
}
