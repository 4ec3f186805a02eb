using System.Management.Automation;
using VlassPS.Core.Errors;
using VlassPS.Core.Casa;

namespace VlassPS.Commands;

/// <summary>Reads a Measurement Set's metadata natively (no CASA): fields, intents, rows per field, SPWs, observation.</summary>
[Cmdlet(VerbsCommon.Get, "VlassMeasurementSet", DefaultParameterSetName = PathSet)]
[OutputType(typeof(MeasurementSetInfo))]
public sealed class GetVlassMeasurementSetCommand : VlassCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>MS directories; wildcards expand; relative to the PowerShell location.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>MS directories taken literally (no wildcards); binds FullName/PSPath of Get-ChildItem output.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        bool literal = ParameterSetName == LiteralPathSet;
        foreach (string input in literal ? LiteralPath : Path)
        {
            IReadOnlyList<string> resolved;
            try { resolved = ResolveExistingPaths(input, literal); }
            catch (VlassException ex)
            {
                WriteItemError(ex);
                continue;
            }
            if (resolved.Count == 0)
            {
                WriteItemError(new ItemNotFoundException($"Measurement Set '{input}' not found."), "MeasurementSetNotFound", ErrorCategory.ObjectNotFound, input);
                continue;
            }
            for (int i = 0; i < resolved.Count; i++)
            {
                CancellationToken.ThrowIfCancellationRequested();
                string ms = resolved[i];
                if (resolved.Count > 1)
                    WriteProgress(new ProgressRecord(1, "Reading Measurement Sets", ms) { PercentComplete = 100 * i / resolved.Count });
                try
                {
                    WriteVerbose($"Reading {ms}");
                    var info = MeasurementSetInfo.Read(ms, CancellationToken);
                    foreach (var w in info.Warnings) WriteWarning($"{ms}: {w}");
                    WriteVerbose($"{ms}: {info.Kind} table, {info.Rows} rows, {info.Fields.Count} fields, {info.SpectralWindows.Count} spectral windows, data columns {string.Join(",", info.DataColumns)}; intents {(info.IntentsKnown ? "known" : "unknown")}.");
                    WriteObject(info);
                }
                catch (CasaTableException ex)
                {
                    WriteItemError(ex, ex is CasaUnsupportedStorageManagerException ? "MeasurementSetUnsupported" : "MeasurementSetUnreadable",
                        ErrorCategory.InvalidData, ms);
                }
                catch (Exception ex) when (CasaReadFailure.IsDataFault(ex))
                {
                    // A table casacore can describe but with types or values the reader cannot take: this MS only.
                    WriteItemError(new InvalidDataException($"Measurement Set '{ms}' cannot be read: {ex.Message}", ex), VlassErrors.MeasurementSetUnreadable, ms);
                }
            }
            if (resolved.Count > 1)
                WriteProgress(new ProgressRecord(1, "Reading Measurement Sets", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
