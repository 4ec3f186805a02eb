using VlassPS.Core.Sky;

namespace VlassPS.Core.Casa;

/// <summary>One row of the FIELD table with what MAIN says about it.</summary>
public sealed class MsField
{
    public int Id { get; init; }

    /// <summary>The name as stored (VLASS names may carry literal double quotes; they are kept).</summary>
    public string Name { get; init; } = "";

    /// <summary>
    /// The name as the pipeline's Field.name gives it (fieldname_for_casa): wrapped in double quotes when it is all
    /// digits or has any character other than ASCII letters, digits, '+' and '-'. The pipeline's name patterns
    /// ("0*, "0*, ...) match this form, so a name stored with literal quotes ("0807+04") becomes ""0807+04"" and matches none.
    /// </summary>
    public string CasaName => ForCasa(Name);

    /// <summary>The pipeline's fieldname_for_casa rule.</summary>
    public static string ForCasa(string name)
    {
        bool allDigits = name.Length > 0 && name.All(char.IsAsciiDigit);
        bool clean = name.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-');
        return allDigits || !clean ? "\"" + name + "\"" : name;
    }

    /// <summary>Term 0 of PHASE_DIR as a position, or null when its frame is not J2000/ICRS (see <see cref="Frame"/>).</summary>
    public SkyPosition? PhaseDir { get; init; }

    /// <summary>Reference frame of PHASE_DIR from MEASINFO (Ref, or VarRefCol per row).</summary>
    public string Frame { get; init; } = "J2000";

    /// <summary>Raw longitude/latitude of PHASE_DIR term 0 in its own frame, degrees.</summary>
    public double LonDeg { get; init; }
    public double LatDeg { get; init; }

    /// <summary>NUM_POLY: > 0 means a moving phase centre (polynomial in time); term 0 is used.</summary>
    public int NumPoly { get; init; }

    /// <summary>Pipeline intents (TARGET, PHASE, BANDPASS ...) from MAIN.STATE_ID → STATE.OBS_MODE; empty when unknown.</summary>
    public IReadOnlyList<string> Intents { get; init; } = Array.Empty<string>();

    /// <summary>MAIN rows observing this field.</summary>
    public long Rows { get; init; }

    public override string ToString() => $"{Id} {Name}";
}

/// <summary>One row of SPECTRAL_WINDOW.</summary>
public sealed class MsSpectralWindow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public double RefFrequencyHz { get; init; }
    public int NumChannels { get; init; }
    public double TotalBandwidthHz { get; init; }
    public double RefFrequencyGHz => RefFrequencyHz / 1e9;
    public double TotalBandwidthMHz => TotalBandwidthHz / 1e6;
}

/// <summary>One row of OBSERVATION.</summary>
public sealed class MsObservation
{
    public int Id { get; init; }
    public string Telescope { get; init; } = "";
    public string Project { get; init; } = "";
    public string Observer { get; init; } = "";

    /// <summary>TIME_RANGE converted from MJD seconds (UTC).</summary>
    public DateTime? StartUtc { get; init; }
    public DateTime? EndUtc { get; init; }
}
