using System.Globalization;
using System.Text;

namespace VlassPS.Core.Fields;

/// <summary>One split of one MS: which fields go to which output MS.</summary>
public sealed class SplitJob
{
    public string MeasurementSet { get; init; } = "";
    public string OutputVis { get; init; } = "";
    public string Field { get; init; } = "";
    public string DataColumn { get; init; } = "data";
    public int FieldCount { get; init; }
    public long SelectedRows { get; init; }
    public long TotalRows { get; init; }
}

/// <summary>A written (or, with -WhatIf, planned) CASA split script.</summary>
public sealed class SplitScript
{
    public string Path { get; init; } = "";
    /// <summary>The target the script splits for (its Name labels the outputs).</summary>
    public Targets.VlassTarget Target { get; init; } = null!;

    /// <summary>Every output MS, in job order: what New-VlassImagingWorkspace -MeasurementSet reads.</summary>
    public IReadOnlyList<string> OutputVis => Jobs.Select(j => j.OutputVis).ToList();
    public IReadOnlyList<SplitJob> Jobs { get; init; } = Array.Empty<SplitJob>();
    public long SelectedRows => Jobs.Sum(j => j.SelectedRows);
    public long TotalRows => Jobs.Sum(j => j.TotalRows);

    /// <summary>Estimated fraction of visibility rows (and so of disk) the split keeps, over all input MSs.</summary>
    public double? RowFraction => TotalRows > 0 ? (double)SelectedRows / TotalRows : null;
    /// <summary>True when the file on disk holds this script (Created, Updated or Unchanged).</summary>
    public bool Written { get; init; }

    /// <summary>What the write did: Created, Unchanged, Updated, or Planned (-WhatIf).</summary>
    public IO.WriteStatus Status { get; init; }
    public string Text { get; init; } = "";

    /// <summary>
    /// Renders a script for CASA's <c>split</c> task (documented choice: split writes the chosen column into DATA of the
    /// new MS, which is what the SE recipe's datacolumn='data' then expects). Runs in a CASA session
    /// (<c>casa -c script.py</c>) or modular CASA (<c>from casatasks import split</c>).
    /// </summary>
    public static string Render(string target, IReadOnlyList<SplitJob> jobs, string generator)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("# CASA split script written by ").Append(PythonLiteral.Comment(generator)).Append('\n');
        sb.Append("# Target: ").Append(PythonLiteral.Comment(target)).Append('\n');
        foreach (var j in jobs)
        {
            string frac = j.TotalRows > 0 ? (100.0 * j.SelectedRows / j.TotalRows).ToString("0.###", inv) + " %" : "unknown";
            sb.Append("# ").Append(PythonLiteral.Comment(j.MeasurementSet)).Append(": ").Append(j.FieldCount.ToString(inv))
              .Append(" field(s), ").Append(j.SelectedRows.ToString(inv)).Append(" of ").Append(j.TotalRows.ToString(inv))
              .Append(" rows kept (estimated ").Append(frac).Append(" of the data)\n");
        }
        sb.Append("try:\n    from casatasks import split\nexcept ImportError:\n    pass  # inside a CASA session split is already defined\n\n");
        sb.Append("jobs = [\n");
        foreach (var j in jobs)
        {
            sb.Append("    dict(vis=").Append(PythonLiteral.String(j.MeasurementSet))
              .Append(",\n         outputvis=").Append(PythonLiteral.String(j.OutputVis))
              .Append(",\n         field=").Append(PythonLiteral.String(j.Field))
              .Append(",\n         datacolumn=").Append(PythonLiteral.String(j.DataColumn)).Append("),\n");
        }
        sb.Append("]\n\nfor job in jobs:\n");
        sb.Append("    if not job['field']:\n        raise ValueError('empty field selection would split every field')\n");
        sb.Append("    print('split %s -> %s (field=%s, datacolumn=%s)' % (job['vis'], job['outputvis'], job['field'], job['datacolumn']))\n");
        sb.Append("    split(**job)\n");
        return sb.ToString();
    }

    /// <summary>A file-name-safe form of a target name for output MS names.</summary>
    public static string SafeFileName(string name)
    {
        var sb = new StringBuilder();
        foreach (char c in name.Trim())
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-' or '_' ? c : '_');
        string s = sb.ToString().Trim('.');
        return s.Length == 0 ? "target" : s;
    }
}
