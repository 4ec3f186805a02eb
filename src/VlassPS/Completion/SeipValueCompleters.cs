using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using VlassPS.Core.Seip;

namespace VlassPS.Completion;

/// <summary>Completes -PipelineVersion with the pipeline versions VlassPS has profiles for (not file names).</summary>
public sealed class PipelineVersionCompleter : IArgumentCompleter
{
    private static readonly PipelineVersion[] Known = [PipelineVersion.Memo2022, PipelineVersion.Memo2023, PipelineVersion.Current2025];

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
        => Values.Complete(wordToComplete, Known.Select(v => v.ToString()));
}

/// <summary>Completes -ImagingMode with the hif_editimlist imaging modes the pipeline knows.</summary>
public sealed class ImagingModeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
        => Values.Complete(wordToComplete, ImagingModes.All);
}

internal static class Values
{
    public static IEnumerable<CompletionResult> Complete(string word, IEnumerable<string> values)
    {
        var pattern = new WildcardPattern(WildcardPattern.Escape(word.Trim('\'', '"')) + "*", WildcardOptions.IgnoreCase);
        foreach (var v in values)
            if (pattern.IsMatch(v)) yield return new CompletionResult(v, v, CompletionResultType.ParameterValue, v);
    }
}
