using System.Globalization;
using System.Text;
using VlassPS.Core.Seip;
using VlassPS.Core.Sky;

namespace VlassPS.Core.Workspace;

/// <summary>
/// Writes command_script.py: the hifv_vlassSEIP recipe (domain.md §10.2) as task calls inside
/// h_init/try/finally h_save, with every user value a Python literal from <see cref="PyLiteralWriter"/>
/// (so names and paths can hold any character) and only the recipe's own arguments.
/// When the pipeline cannot cut the science image itself (before 2025.1.1.52), an imsubimage step runs
/// after a successful pipeline run.
/// </summary>
public static class CommandScriptWriter
{
    private static string Py(string s) => PyLiteralWriter.QuoteString(s);
    private static string Py(double d) => PyLiteralWriter.FormatFloat(d);

    /// <param name="imsubimage">The cutout to run after the pipeline, or null when the pipeline cuts (or nothing is cut).</param>
    /// <param name="scienceKnown">Whether a science cutout happens at all (for the header comment).</param>
    public static string Write(ImagingWorkspaceSpec spec, SeipParameterList list, ScienceCutout? imsubimage, bool scienceKnown, string vlassPsVersion)
    {
        var p = spec.Profile;
        var sb = new StringBuilder();
        void L(string line = "") => sb.Append(line).Append('\n');

        L("# -*- coding: ascii -*-");
        L($"# command_script.py for the NRAO pipeline recipe hifv_vlassSEIP, written by VlassPS {vlassPsVersion}.");
        L($"# Pipeline profile: {p.Version} ({p.Name}). Run from the working folder with");
        L("#   casa --pipeline --nogui --nologger -c command_script.py   (see the run_SE.*.sh script)");
        L($"# Science image: {(!scienceKnown ? "not cut; the pipeline's own cutout is the final product" : imsubimage is null ? "cut by the pipeline (cutout_imsize in the parameter list)" : "cut by imsubimage after the pipeline (hif_makecutoutimages cuts a fixed 3720 arcsec square)")}.");
        L();
        L($"VLASSPS_WORKSPACE_NAME = {Py(spec.Name)}");
        string vis = p.SupportsMultipleMeasurementSets || spec.MeasurementSets.Count == 1
            ? "[" + string.Join(", ", spec.MeasurementSets.Select(Py)) + "]"
            : throw new InvalidOperationException("Several measurement sets need pipeline 2026.1 or later.");
        L($"VLASSPS_VIS = {vis}");
        L($"VLASSPS_PARAMETER_FILE = {Py(SeipParameterList.DefaultFileName)}");
        L($"VLASSPS_QL_DATABASE = {Py(spec.QlDatabase)}");
        L($"VLASSPS_DATACOLUMN = {Py(spec.DataColumn)}");
        L($"VLASSPS_EXPORT_PRODUCTS = {(spec.ExportProducts ? "True" : "False")}");
        L($"VLASSPS_PRODUCTS_DIR = {Py("../products")}");
        L();
        L("__rethrow_casa_exceptions = True");
        L("context = h_init()");
        L("context.set_state('ProjectSummary', 'proposal_code', 'VLASS')");
        L("context.set_state('ProjectSummary', 'proposal_title', 'unknown')");
        L("context.set_state('ProjectSummary', 'piname', 'unknown')");
        L("context.set_state('ProjectSummary', 'observatory', 'Karl G. Jansky Very Large Array')");
        L("context.set_state('ProjectSummary', 'telescope', 'EVLA')");
        L("context.set_state('ProjectStructure', 'recipe_name', 'hifv_vlassSEIP')");
        L("try:");
        L("    hifv_importdata(vis=VLASSPS_VIS, nocopy=True)");
        L("    hif_editimlist(parameter_file=VLASSPS_PARAMETER_FILE)");
        L("    hif_transformimagedata(datacolumn=VLASSPS_DATACOLUMN, clear_pointing=False, modify_weights=True, wtmode='nyq')");
        L("    hifv_vlassmasking(maskingmode='vlass-se-tier-1', vlass_ql_database=VLASSPS_QL_DATABASE)");
        L("    hif_makeimages(hm_masking='manual')");
        L("    hifv_checkflag(checkflagmode='vlass-imaging')");
        L("    hifv_statwt(statwtmode='VLASS-SE', datacolumn='residual_data')");
        L("    hifv_selfcal(selfcalmode='VLASS-SE')");
        L("    hif_editimlist(parameter_file=VLASSPS_PARAMETER_FILE)");
        L("    hif_makeimages(hm_masking='manual')");
        L("    hif_editimlist(parameter_file=VLASSPS_PARAMETER_FILE)");
        L("    hifv_vlassmasking(maskingmode='vlass-se-tier-2')");
        L("    hif_makeimages(hm_masking='manual')");
        L("    hifv_pbcor()");
        L("    hif_makermsimages()");
        L("    hif_makecutoutimages()");
        L("    hif_analyzealpha()");
        L("    if VLASSPS_EXPORT_PRODUCTS:");
        L("        hifv_exportvlassdata()");
        L("finally:");
        L("    h_save()");

        if (imsubimage is ScienceCutout cutout)
        {
            L();
            L("# Science-size cutout of the final images (reached only when the pipeline succeeded).");
            L("import glob");
            L("import os");
            L($"VLASSPS_IMAGENAME = {Py(list.ImageName!)}");
            L($"VLASSPS_SCIENCE_REGION = {Py(cutout.Region)}");
            L("VLASSPS_SUFFIXES = ('.image.pbcor.tt0', '.image.pbcor.tt0.rms', '.image.tt0', '.image.tt1', '.residual.tt0', '.pb.tt0', '.alpha', '.alpha.error')");
            L("vlassps_candidates = [d for d in sorted(glob.glob('*' + glob.escape(VLASSPS_IMAGENAME) + '*'))");
            L("                      if os.path.isdir(d) and d.endswith(VLASSPS_SUFFIXES)]");
            L("vlassps_final = [d for d in vlassps_candidates if '.iter3.' in d] or vlassps_candidates");
            L("if not vlassps_final:");
            L("    raise RuntimeError('VlassPS: no final images named after imagename %r to cut to the science size' % VLASSPS_IMAGENAME)");
            L("for vlassps_image in vlassps_final:");
            L("    vlassps_out = vlassps_image + '.science.subim'");
            L("    imsubimage(imagename=vlassps_image, outfile=vlassps_out, region=VLASSPS_SCIENCE_REGION, overwrite=True)");
            L("    if VLASSPS_EXPORT_PRODUCTS:");
            L("        exportfits(imagename=vlassps_out, fitsimage=os.path.join(VLASSPS_PRODUCTS_DIR, vlassps_out + '.fits'), overwrite=True)");
        }
        return sb.ToString();
    }
}

/// <summary>The science square to cut: centre and size, as a CASA region (CRTF centerbox in degrees/arcsec).</summary>
public sealed class ScienceCutout
{
    public ScienceCutout(SkyPosition center, double widthArcsec, double heightArcsec)
    {
        Center = center; WidthArcsec = widthArcsec; HeightArcsec = heightArcsec;
    }

    public SkyPosition Center { get; }
    public double WidthArcsec { get; }
    public double HeightArcsec { get; }

    public string Region => string.Create(CultureInfo.InvariantCulture,
        $"centerbox[[{PyLiteralWriter.FormatFloat(Center.RaDeg)}deg, {PyLiteralWriter.FormatFloat(Center.DecDeg)}deg], [{PyLiteralWriter.FormatFloat(WidthArcsec)}arcsec, {PyLiteralWriter.FormatFloat(HeightArcsec)}arcsec]]");
}
