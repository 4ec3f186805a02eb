using VlassPS.Core.Sky;

namespace VlassPS.Core.Fields;

/// <summary>One field chosen for a target, with its offsets from the phase centre.</summary>
public sealed class SelectedField
{
    public string MeasurementSet { get; init; } = "";
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public SkyPosition Position { get; init; } = null!;

    /// <summary>Offsets of the field from the phase centre, arcsec: tangent-frame (Pipeline) or ΔRA·cos δ_field / ΔDec (Memo20).</summary>
    public double OffsetXArcsec { get; init; }
    public double OffsetYArcsec { get; init; }
    public long Rows { get; init; }
    public IReadOnlyList<string> Intents { get; init; } = Array.Empty<string>();
    public FieldSelectionMethod Method { get; init; }
    public int NumPoly { get; init; }

    /// <summary>The target this field was selected for (its Name labels the split output).</summary>
    public SkyPosition PhaseCenter { get; init; } = null!;

    /// <summary>The target (from <see cref="PhaseCenter"/>).</summary>
    public Targets.VlassTarget Target => PhaseCenter.Target;

    /// <summary>All MAIN rows of the MS, so that consumers can estimate the fraction a split keeps.</summary>
    public long MeasurementSetRows { get; init; }

    public override string ToString() => $"{Id} {Name}";
}

/// <summary>The outcome of a selection on one MS.</summary>
public sealed class FieldSelection
{
    public string MeasurementSet { get; init; } = "";
    public SkyPosition PhaseCenter { get; init; } = null!;

    /// <summary>The target (from <see cref="PhaseCenter"/>).</summary>
    public Targets.VlassTarget Target => PhaseCenter.Target;
    public FieldSelectionMethod Method { get; init; }
    public double HalfWidthXArcsec { get; init; }
    public double HalfWidthYArcsec { get; init; }
    public IReadOnlyList<SelectedField> Fields { get; init; } = Array.Empty<SelectedField>();

    /// <summary>CASA field selection of the ids, compressed into ranges: <c>0~45,47,52~60</c>. Empty when nothing is selected.</summary>
    public string Selection { get; init; } = "";

    public long SelectedRows { get; init; }
    public long TotalRows { get; init; }

    /// <summary>Fraction of MAIN rows a split keeps (null when MAIN has no rows).</summary>
    public double? RowFraction => TotalRows > 0 ? (double)SelectedRows / TotalRows : null;

    /// <summary>Sides of the search region that reach past the MS's fields (North, South, East, West).</summary>
    public IReadOnlyList<string> EdgesReached { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    public override string ToString() => Selection;
}

/// <summary>A field that one selection rule takes and the other does not (Select-VlassField -Compare).</summary>
public sealed class FieldRuleDifference
{
    public string MeasurementSet { get; init; } = "";
    public int Id { get; init; }
    public string Name { get; init; } = "";

    /// <summary>The name as the pipeline sees it (quoted when it has special characters).</summary>
    public string CasaName { get; init; } = "";
    public IReadOnlyList<string> Intents { get; init; } = Array.Empty<string>();

    /// <summary>The rule that selects the field; the other one rejects it.</summary>
    public FieldSelectionMethod SelectedBy { get; init; }

    /// <summary>The tests the other rule fails: name, intent, position.</summary>
    public IReadOnlyList<string> RejectedBecause { get; init; } = Array.Empty<string>();

    /// <summary>Offsets from the phase centre, arcsec, as the selecting rule measures them.</summary>
    public double OffsetXArcsec { get; init; }
    public double OffsetYArcsec { get; init; }
    public SkyPosition PhaseCenter { get; init; } = null!;

    public override string ToString() => $"{Id} {Name}: {SelectedBy} only ({string.Join(", ", RejectedBecause)})";
}
