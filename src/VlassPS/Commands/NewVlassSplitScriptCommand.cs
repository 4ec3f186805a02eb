using System.Management.Automation;
using VlassPS.Core.Casa;
using VlassPS.Core.Fields;
using VlassPS.Core.IO;
using WriteStatus = VlassPS.Core.IO.WriteStatus;

namespace VlassPS.Commands;

/// <summary>Writes a CASA split script that keeps only the selected fields of each MS, one output MS per target and MS.</summary>
[Cmdlet(VerbsCommon.New, "VlassSplitScript", SupportsShouldProcess = true, DefaultParameterSetName = PipelineSet)]
[OutputType(typeof(SplitScript))]
public sealed class NewVlassSplitScriptCommand : VlassCmdlet
{
    private const string PipelineSet = "Fields";
    private readonly List<SelectedField> _fields = new();

    /// <summary>Fields from Select-VlassField (grouped by target and MS).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipelineSet)]
    public SelectedField[] InputObject { get; set; } = Array.Empty<SelectedField>();

    /// <summary>The script file; default split_&lt;target&gt;.py in the current location. Relative to the PowerShell location.</summary>
    [Parameter(Position = 0)]
    public string? Path { get; set; }

    /// <summary>Directory for the output MSs (default: the directory of the script).</summary>
    [Parameter]
    public string? OutputDirectory { get; set; }

    /// <summary>Name for the target (default: the phase centre's name, else its IAU name).</summary>
    [Parameter]
    public string? TargetName { get; set; }

    /// <summary>'corrected' (calibrated data of an unsplit archive MS), 'data', or 'auto': corrected when CORRECTED_DATA exists.</summary>
    [Parameter]
    [ValidateSet("auto", "data", "corrected")]
    public string DataColumn { get; set; } = "auto";

    /// <summary>Replace an existing script with other content (identical content is left Unchanged without it).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() => _fields.AddRange(InputObject);

    protected override void EndProcessing()
    {
        if (_fields.Count == 0)
        {
            ThrowInvocationError(new ArgumentException("No fields were given: a split with an empty field selection would keep every field."),
                "NoFieldsSelected", ErrorCategory.InvalidArgument, (object?)Path ?? TargetName ?? "InputObject");
            return;
        }
        foreach (var target in _fields.GroupBy(f => f.PhaseCenter))
        {
            var vlassTarget = TargetName is not null ? (target.Key?.WithName(TargetName).Target ?? new Core.Targets.VlassTarget(TargetName)) : target.Key?.Target ?? new Core.Targets.VlassTarget("target");
            string name = vlassTarget.Name;
            // The target id: collision-free, and the same name the workspace folder gets.
            string safe = vlassTarget.Id;
            string script = ResolvePath(Path ?? $"split_{safe}.py");
            string outDir = OutputDirectory is null ? System.IO.Path.GetDirectoryName(script)! : ResolvePath(OutputDirectory);
            var byMs = target.GroupBy(f => f.MeasurementSet).ToList();
            var jobs = new List<SplitJob>();
            bool failed = false;
            foreach (var ms in byMs)
            {
                string column;
                try
                {
                    column = ChooseColumn(ms.Key);
                }
                catch (Exception ex) when (ex is CasaTableException or InvalidOperationException)
                {
                    WriteItemError(ex, "DataColumnUnavailable", ErrorCategory.InvalidData, ms.Key);
                    failed = true;
                    continue;
                }
                string msBase = System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.TrimEndingDirectorySeparator(ms.Key));
                string outName = byMs.Count == 1 ? $"{safe}.ms" : $"{safe}_{SplitScript.SafeFileName(msBase)}.ms";
                jobs.Add(new SplitJob
                {
                    MeasurementSet = ms.Key,
                    OutputVis = System.IO.Path.Combine(outDir, outName),
                    Field = FieldSelector.CompressIds(ms.Select(f => f.Id)),
                    DataColumn = column,
                    FieldCount = ms.Select(f => f.Id).Distinct().Count(),
                    SelectedRows = ms.GroupBy(f => f.Id).Sum(g => g.First().Rows),
                    TotalRows = ms.First().MeasurementSetRows,
                });
            }
            if (failed || jobs.Count == 0) continue;
            string text = SplitScript.Render(name, jobs, "VlassPS New-VlassSplitScript");
            var result = new SplitScript { Path = script, Target = vlassTarget, Jobs = jobs, Text = text };
            WriteVerbose(FormattableString.Invariant($"{name}: {jobs.Count} split(s); estimated {100 * (result.RowFraction ?? 0):0.###} % of {result.TotalRows} rows kept."));
            // The script must not replace an input MS (a directory anyway) or anything but a regular file.
            var status = WriteOutputFile(script, s => s.Write(new System.Text.UTF8Encoding(false).GetBytes(text)), byMs.Select(g => g.Key),
                $"Write CASA split script for {name} ({jobs.Count} MS)");
            if (status is null or WriteStatus.Conflict) continue;
            WriteObject(new SplitScript { Path = script, Target = vlassTarget, Jobs = jobs, Text = text, Status = status.Value,
                Written = status is WriteStatus.Created or WriteStatus.Updated or WriteStatus.Unchanged });
        }
    }

    /// <summary>'auto' picks CORRECTED_DATA when present (archive calibrated MS), else DATA (a split product).</summary>
    private string ChooseColumn(string ms)
    {
        var info = MeasurementSetInfo.Read(ms, CancellationToken);
        bool corrected = info.HasCorrectedData, data = info.DataColumns.Contains("DATA");
        string column = DataColumn == "auto" ? (corrected ? "corrected" : "data") : DataColumn;
        if (column == "corrected" && !corrected) throw new InvalidOperationException($"{ms} has no CORRECTED_DATA column; use -DataColumn data.");
        if (column == "data" && !data) throw new InvalidOperationException($"{ms} has no DATA column.");
        WriteVerbose($"{ms}: data columns {string.Join(",", info.DataColumns)} -> datacolumn='{column}'.");
        return column;
    }
}
