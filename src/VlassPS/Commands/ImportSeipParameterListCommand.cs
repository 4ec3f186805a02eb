using System.Management.Automation;
using VlassPS.Core.Seip;

namespace VlassPS.Commands;

/// <summary>
/// Reads SEIP_parameter.list files exactly as the pipeline's hif_editimlist does; what the pipeline would
/// reject becomes an error record with the line and column.
/// </summary>
[Cmdlet(VerbsData.Import, "SeipParameterList", DefaultParameterSetName = PathSet)]
[OutputType(typeof(SeipParameterList))]
public sealed class ImportSeipParameterListCommand : VlassCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Pipeline version to validate against (warnings for keys it does not read).</summary>
    [Parameter]
    [Transforms.ValidatePipelineVersion]
    public string? PipelineVersion { get; set; }

    protected override void ProcessRecord()
    {
        PipelineVersion? version = null;
        if (PipelineVersion is not null && !Core.Seip.PipelineVersion.TryParse(PipelineVersion, out version))
            ThrowInvocationError(new ArgumentException($"'{PipelineVersion}' is not a pipeline version such as 2023.1.1.8."), "PipelineVersionInvalid", ErrorCategory.InvalidArgument, PipelineVersion);

        bool literal = ParameterSetName == LiteralPathSet;
        foreach (string file in ExpandInputPaths(literal ? LiteralPath : Path, literal, "Parameter list", "SeipFileNotFound"))
            Import(file, version);
    }

    private void Import(string file, PipelineVersion? version)
    {
        SeipParseResult result;
        try { result = SeipParameterFileReader.Load(file); }
        catch (VlassPS.Core.Errors.VlassException ex)
        {
            WriteItemError(ex);
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteItemError(ex, "SeipFileUnreadable", ErrorCategory.ReadError, file);
            return;
        }
        foreach (var w in result.Warnings) WriteWarning($"{file}: line {w.Line}: {w.Message}");
        if (!result.Success)
        {
            foreach (var e in result.Errors)
            {
                string where = e.Column is int c ? $"line {e.Line}, column {c}" : $"line {e.Line}";
                WriteItemError(new FormatException($"{file}: {where}: {e.Message}"), e.Id, Core.Errors.VlassErrors.Find(e.Id) is { } known ? Category(known.Kind) : ErrorCategory.ParserError, file);
            }
            return;
        }
        var list = result.List;
        list.PipelineVersion = version;
        foreach (var issue in list.Validate(version))
            WriteWarning($"{file}: {(issue.Line is int l ? $"line {l}: " : "")}{issue.Message}");
        WriteVerbose($"Read {list.Count} keys from {file}.");
        WriteObject(list);
    }
}
