using System.Management.Automation;
using System.Text;
using VlassPS.Core.Errors;
using VlassPS.Core.IO;
using VlassPS.Core.Sky;
using VlassPS.Core.Targets;

namespace VlassPS.Commands;

/// <summary>
/// Reads a target list (CSV or TSV) into named positions, so campaign scripts need neither Import-Csv (absent
/// from the vlassps host) nor hand-written coordinate parsing.
/// </summary>
[Cmdlet(VerbsData.Import, "VlassTarget", DefaultParameterSetName = ByPath)]
[OutputType(typeof(SkyPosition))]
public sealed class ImportVlassTargetCommand : VlassCmdlet
{
    private const string ByPath = "Path";
    private const string ByLiteralPath = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByPath)]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByLiteralPath)]
    [Alias("PSPath", "FullName")]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Field separator; by default tab for .tsv files and comma otherwise.</summary>
    [Parameter]
    public char Delimiter { get; set; }

    protected override void ProcessRecord()
    {
        bool literal = ParameterSetName == ByLiteralPath;
        foreach (string file in ExpandInputPaths(literal ? LiteralPath : Path, literal, "Target list", "TargetListNotFound"))
            ReadFile(file);
    }

    private void ReadFile(string file)
    {
        char sep = Delimiter != '\0' ? Delimiter : file.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        WriteVerbose($"Reading targets from {file}.");
        try
        {
            // A regular file only (a FIFO would block, /dev/zero never ends); streamed, so long lists stay small.
            using var stream = InputFile.OpenRead(file, "Target list", VlassErrors.TargetListNotFound, VlassErrors.TargetListUnreadable);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            foreach (var row in TargetListReader.Read(reader, sep))
            {
                if (row.Error is not null)
                    WriteItemError(row.Error, "TargetRowUnreadable", ErrorCategory.InvalidData, $"{file}:{row.Line}");
                else
                    WriteObject(row.Position);
            }
        }
        catch (FormatException ex)
        {
            WriteItemError(new FormatException($"{file}: {ex.Message}", ex), "TargetListMalformed", ErrorCategory.InvalidData, file);
        }
        catch (VlassException ex)
        {
            WriteItemError(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteItemError(ex, "TargetListUnreadable", ErrorCategory.ReadError, file);
        }
    }
}
