using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using VlassPS.Core.Catalog;
using VlassPS.Core.Configuration;

namespace VlassPS.Completion;

/// <summary>
/// Completes epoch names (VLASS2.1) with the epochs of the stored survey table only (what -Epoch accepts);
/// the epochs known when this module was written are offered only while no table is stored yet.
/// </summary>
public sealed class EpochCompleter : IArgumentCompleter
{
    private static readonly string[] KnownEpochs = ["VLASS1.1", "VLASS1.2", "VLASS2.1", "VLASS2.2", "VLASS3.1", "VLASS3.2", "VLASS4.1"];

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        foreach (var epoch in Epochs(fakeBoundParameters))
            if (pattern.IsMatch(epoch))
                yield return new CompletionResult(epoch, epoch, CompletionResultType.ParameterValue, epoch);
    }

    private static IEnumerable<string> Epochs(IDictionary bound)
    {
        try
        {
            SurveyCatalog? catalog = bound["CatalogPath"] is string file && Path.IsPathRooted(file) && File.Exists(file)
                ? SurveyCatalogLoader.FromFile(file)
                : SurveyCatalogLoader.FromStore(new SurveyCatalogStore(DataDirectory(bound["CacheDirectory"] as string)));
            if (catalog is { Epochs.Count: > 0 }) return catalog.Epochs.Order(Comparer<string>.Create(SurveyCatalog.CompareEpochs));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Completion must never fail; fall back to the known epochs.
        }
        return KnownEpochs;
    }

    /// <summary>The same data folder the command will read: -CacheDirectory, $VLASSPS_DATA, the configuration file, the default.</summary>
    private static string DataDirectory(string? parameter)
    {
        var config = Yaml.ConfigurationStore.Load(VlassConfiguration.DefaultPath());
        return new VlassSettings(config).DataDirectory(parameter is not null && Path.IsPathRooted(parameter) ? parameter : null);
    }
}
