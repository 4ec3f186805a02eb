namespace VlassPS.Core.Casa;

/// <summary>
/// Pipeline intents of a VLA STATE row, as the NRAO pipeline derives them (its VLA state class in domain/state.py,
/// unchanged from 2022.1.1.5 to 2026): every known OBS_MODE key that occurs anywhere in the OBS_MODE text adds its
/// intent. Keys are matched as substrings of the whole text, not per comma-separated part, so
/// <c>OBSERVE_TARGET#OFF_SOURCE</c> is a reference (not TARGET), <c>CALIBRATE_AMPLI</c> is PHASE and
/// <c>CALIBRATE_FLUX</c> is AMPLITUDE, and an OBS_MODE with no known key has no intent at all.
/// </summary>
public static class VlaStateIntents
{
    // Each mode comes in three spellings: MODE#ON_SOURCE, MODE.ON_SOURCE and MODE_ON_SOURCE.
    private static readonly (string Mode, string Intent)[] OnSourceModes =
    {
        ("CALIBRATE_POLARIZATION", "POLARIZATION"), ("CALIBRATE_POL_ANGLE", "POLANGLE"), ("CALIBRATE_POL_LEAKAGE", "POLLEAKAGE"),
        ("CALIBRATE_BANDPASS", "BANDPASS"), ("CALIBRATE_AMPLI", "PHASE"), ("CALIBRATE_FLUX", "AMPLITUDE"),
        ("CALIBRATE_PHASE", "PHASE"), ("CALIBRATE_TARGET", "TARGET"), ("CALIBRATE_POINTING", "POINTING"),
        ("CALIBRATE_FOCUS", "FOCUS"), ("CALIBRATE_WVR", "WVR"), ("CALIBRATE_ATMOSPHERE", "ATMOSPHERE"),
        ("CALIBRATE_SIDEBAND_RATIO", "SIDEBAND"), ("OBSERVE_TARGET", "TARGET"),
    };

    // Single spellings.
    private static readonly (string Key, string Intent)[] OtherKeys =
    {
        ("CALIBRATE_POLARIZATION#UNSPECIFIED", "POLARIZATION"), ("CALIBRATE_POL_ANGLE#UNSPECIFIED", "POLANGLE"),
        ("CALIBRATE_POL_LEAKAGE#UNSPECIFIED", "POLLEAKAGE"), ("OBSERVE_TARGET#UNSPECIFIED", "TARGET"),
        ("OBSERVE_TARGET#OFF_SOURCE", "REFERENCE"), ("OBSERVE_TARGET.OFF_SOURCE", "REFERENCE"), ("OBSERVE_TARGET_OFF_SOURCE", "REFERENCE"),
        ("CALIBRATE_BANDPASS#UNSPECIFIED", "BANDPASS"), ("CALIBRATE_FLUX#UNSPECIFIED", "AMPLITUDE"),
        ("CALIBRATE_PHASE#UNSPECIFIED", "PHASE"), ("CALIBRATE_AMPLI#UNSPECIFIED", "PHASE"),
        ("UNSPECIFIED#UNSPECIFIED", "UNSPECIFIED#UNSPECIFIED"),
        ("SYSTEM_CONFIGURATION", "SYSTEM_CONFIGURATION"), ("SYSTEM_CONFIGURATION#UNSPECIFIED", "SYSTEM_CONFIGURATION"),
    };

    /// <summary>The OBS_MODE keys the pipeline knows, with their intents (56 keys).</summary>
    public static IReadOnlyList<(string Key, string Intent)> Keys { get; } =
        OnSourceModes.SelectMany(m => new[] { "#", ".", "_" }.Select(sep => (m.Mode + sep + "ON_SOURCE", m.Intent)))
            .Concat(OtherKeys).ToArray();

    /// <summary>The intents of one STATE.OBS_MODE text (sorted, distinct).</summary>
    public static IReadOnlyList<string> Of(string obsMode)
        => Keys.Where(k => obsMode.Contains(k.Key, StringComparison.Ordinal)).Select(k => k.Intent)
            .Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Intents the pipeline reads from FIELD.SOURCE_TYPE (non-APDM MSs; absent in VLASS MSs): after upper-casing and
    /// replacing SOURCE→TARGET, GAIN→PHASE and FLUX→AMPLITUDE, every listed intent name that occurs is added.
    /// </summary>
    public static IReadOnlyList<string> OfSourceType(string sourceType)
    {
        string s = sourceType.Trim().ToUpperInvariant().Replace("SOURCE", "TARGET", StringComparison.Ordinal)
            .Replace("GAIN", "PHASE", StringComparison.Ordinal).Replace("FLUX", "AMPLITUDE", StringComparison.Ordinal);
        string[] known = { "BANDPASS", "PHASE", "AMPLITUDE", "TARGET", "POINTING", "WVR", "ATMOSPHERE", "SIDEBAND", "POLARIZATION",
            "POLANGLE", "POLLEAKAGE", "CHECK", "DIFFGAINREF", "DIFFGAINSRC", "UNKNOWN", "SYSTEM_CONFIGURATION" };
        return known.Where(k => s.Contains(k, StringComparison.Ordinal)).ToArray();
    }
}
