using VlassPS.Core.Errors;
using VlassPS.Core.IO;
using System.Management.Automation;
using VlassPS.Core.Campaigns;
using VlassPS.Core.Targets;
using VlassPS.Yaml;

namespace VlassPS.Commands;

/// <summary>
/// Reads and validates a campaign file. Every problem (unknown key, bad position, size, epoch, scheduler, duplicate
/// target) is written as its own error naming the file, line and column; then, if there was any, one terminating
/// CampaignInvalid error. Epochs are checked against the cached survey table when there is one.
/// </summary>
[Cmdlet(VerbsData.Import, "VlassCampaign")]
[OutputType(typeof(CampaignDefinition))]
public sealed class ImportVlassCampaignCommand : VlassCmdlet
{
    public const string ProblemErrorId = "CampaignFileProblem";
    public const string InvalidErrorId = "CampaignInvalid";

    /// <summary>The campaign YAML file.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>A CSV/TSV target list (as Import-VlassTarget reads) added to the file's targets.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TargetList { get; set; }

    /// <summary>Survey table used to check epoch names; default: the cached table (skipped when none is cached).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CatalogPath { get; set; }

    /// <summary>The VlassPS data folder holding the cached survey table.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CacheDirectory { get; set; }

    protected override void ProcessRecord()
    {
        string path = ResolvePath(Path);
        if (!File.Exists(path))
        {
            ThrowInvocationError(new FileNotFoundException($"The campaign file '{path}' does not exist.", path), "CampaignFileNotFound", ErrorCategory.ObjectNotFound, path);
            return;
        }
        var catalog = CatalogAccess.TryLoad(CatalogPath is null ? null : ResolvePath(CatalogPath), DataDirectorySetting(CacheDirectory), out _);
        List<TargetRow>? extra = null;
        string? listPath = null;
        if (TargetList is not null)
        {
            listPath = ResolvePath(TargetList);
            try
            {
                // Regular files only, bounded: a FIFO or /dev/zero must not hang or fill memory.
                using var reader = new StringReader(InputFile.ReadAllText(listPath, "Target list", VlassErrors.TargetListNotFound, VlassErrors.TargetListUnreadable, 256L << 20));
                extra = TargetListReader.Read(reader, listPath.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',').ToList();
            }
            catch (VlassException ex)
            {
                ThrowInvocationError(ex);
                return;
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                ThrowInvocationError(ex, "TargetListUnreadable", ErrorCategory.ReadError, listPath);
                return;
            }
        }
        string text;
        try { text = InputFile.ReadAllText(path, "Campaign file", VlassErrors.CampaignFileNotFound, VlassErrors.CampaignFileProblem, 64L << 20); }
        catch (VlassException ex)
        {
            ThrowInvocationError(ex);
            return;
        }
        try
        {
            var definition = CampaignFileReader.Read(path, text, catalog?.Epochs, extra, listPath);
            WriteVerbose($"{path}: campaign '{definition.Name}', {definition.Targets.Count} target(s).");
            WriteObject(definition);
        }
        catch (CampaignFormatException ex)
        {
            foreach (var p in ex.Problems)
                WriteItemError(new FormatException(p.ToString()), ProblemErrorId, ErrorCategory.InvalidData, p);
            ThrowInvocationError(ex, InvalidErrorId, ErrorCategory.InvalidData, path);
        }
    }
}
