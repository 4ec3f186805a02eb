using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using VlassPS.Core.Tiling;

namespace VlassPS.Completion;

/// <summary>Completes VLASS tile names (T12t13) from the tiling itself.</summary>
public sealed class TileNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        foreach (var tile in TileGrid.All)
        {
            if (!pattern.IsMatch(tile.Name)) continue;
            string tip = FormattableString.Invariant($"{tile.Name}: Dec {tile.DecMinDeg}..{tile.DecMaxDeg}°, RA {tile.RaMinHours:0.##}..{tile.RaMaxHours:0.##} h");
            yield return new CompletionResult(tile.Name, tile.Name, CompletionResultType.ParameterValue, tip);
        }
    }
}
