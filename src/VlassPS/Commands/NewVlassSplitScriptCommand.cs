using System.Management.Automation;
using VlassPS.Core.Casa;
using VlassPS.Core.Fields;
using VlassPS.Core.IO;

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

    /// <summary>Overwrite an existing script.</summary>
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
            string name = TargetName ?? target.Key?.Name ?? target.Key?.IauName ?? "target";
            string safe = SplitScript.SafeFileName(name);
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
            var result = new SplitScript { Path = script, Target = name, Jobs = jobs, Text = text };
            WriteVerbose(FormattableString.Invariant($"{name}: {jobs.Count} split(s); estimated {100 * (result.RowFraction ?? 0):0.###} % of {result.TotalRows} rows kept."));
            if (File.Exists(script) && !Force)
            {
                WriteItemError(new IOException($"'{script}' exists; use -Force to overwrite it."), "ScriptExists", ErrorCategory.ResourceExists, script);
                continue;
            }
            bool written = false;
            if (ShouldProcess(script, $"Write CASA split script for {name} ({jobs.Count} MS)"))
            {
                AtomicFile.WriteAllText(script, text);
                written = true;
            }
            WriteObject(new SplitScript { Path = script, Target = name, Jobs = jobs, Text = text, Written = written });
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
