using System.Management.Automation;
using VlassPS.Core.Fits;

namespace VlassPS.Commands;

/// <summary>Header summary of FITS images: size, cell, centre, beam, frequency, units, VLASS product type.</summary>
[Cmdlet(VerbsCommon.Get, "VlassImage", DefaultParameterSetName = ByPath)]
[OutputType(typeof(VlassImageInfo))]
public sealed class GetVlassImageCommand : VlassCmdlet
{
    private const string ByPath = "Path";
    private const string ByLiteralPath = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByPath)]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByLiteralPath)]
    [Alias("PSPath", "FullName", "ImagePath")]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>HDU to read; by default the first HDU that holds an image.</summary>
    [Parameter]
    [ValidateRange(0, 10000)]
    public int Hdu { get; set; } = -1;

    /// <summary>Also compute pixel statistics (reads every pixel, streamed).</summary>
    [Parameter]
    public SwitchParameter Statistics { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == ByLiteralPath;
        foreach (var file in ExpandInputPaths(literal ? LiteralPath : Path, literal, "Image", "ImageNotFound"))
        {
            CancellationToken.ThrowIfCancellationRequested();
            WriteVerbose($"Reading the header of {file}.");
            try
            {
                if (Statistics) WriteVerbose("Computing statistics of the first image plane, row by row.");
                WriteObject(VlassImageInfo.Read(file, Hdu, Statistics, CancellationToken));
            }
            catch (Exception ex) when (FitsErrorKinds.Classify(ex) is { } kind)
            {
                WriteItemError(ex, kind.Id, kind.Category, file);
            }
        }
    }
}
