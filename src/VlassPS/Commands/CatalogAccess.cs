using VlassPS.Core.Catalog;

namespace VlassPS.Commands;

/// <summary>Finds the survey table for commands that need it, with one clear message when there is none.</summary>
internal static class CatalogAccess
{
    public const string MissingErrorId = "SurveyCatalogMissing";

    /// <param name="catalogFile">A resolved table file given by the user, or null to use the store.</param>
    /// <param name="dataDirectory">The resolved data folder of the store.</param>
    public static SurveyCatalog? TryLoad(string? catalogFile, string dataDirectory, out Exception? error)
    {
        error = null;
        if (catalogFile is not null)
        {
            // Regular files only, bounded (a FIFO or /dev/zero as -CatalogPath must not hang or fill memory).
            try
            {
                Core.IO.InputFile.RequireRegular(catalogFile, "The survey table file", Core.Errors.VlassErrors.SurveyCatalogMissing, 64L << 20);
                return SurveyCatalogLoader.FromFile(catalogFile);
            }
            catch (Core.Errors.VlassException ex)
            {
                error = new FileNotFoundException(ex.Message, catalogFile, ex);
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error = new FileNotFoundException($"The survey table file '{catalogFile}' cannot be read: {ex.Message}", catalogFile, ex);
                return null;
            }
        }
        var catalog = SurveyCatalogLoader.FromStore(new SurveyCatalogStore(dataDirectory));
        if (catalog is null)
            error = new FileNotFoundException(
                $"No VLASS survey catalog is cached in '{dataDirectory}'. Run Update-VlassSurveyCatalog to download it " +
                $"from NRAO, or Update-VlassSurveyCatalog -Path <file> to load a saved copy of VLASS_dyn_summary.php, " +
                $"or pass -CatalogPath <file>. (The folder can be set with -CacheDirectory or $env:{VlassDirectories.DataVariable}.)",
                System.IO.Path.Combine(dataDirectory, SurveyCatalogStore.TableFileName));
        return catalog;
    }
}
