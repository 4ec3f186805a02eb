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
            if (File.Exists(catalogFile)) return SurveyCatalogLoader.FromFile(catalogFile);
            error = new FileNotFoundException($"The survey table file '{catalogFile}' does not exist.", catalogFile);
            return null;
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
