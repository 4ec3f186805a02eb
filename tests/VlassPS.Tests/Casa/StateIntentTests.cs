using System.Text.Json;
using VlassPS.Core.Casa;
using VlassPS.Core.Fields;
using VlassPS.Core.Sky;

namespace VlassPS.Tests.Casa;

/// <summary>
/// Intents and names as the NRAO pipeline reads them. The OBS_MODE table below is written from the pipeline's VLA
/// state class (every known key found anywhere in OBS_MODE adds its intent): the 56 keys it knows plus 10 composite
/// and near-miss strings. The MS is written by python-casacore at test time, one field per OBS_MODE.
/// </summary>
public sealed class StateIntentTests
{
    // OBS_MODE, does the pipeline call it TARGET?
    public static readonly (string Mode, bool Target)[] Table =
    {
        ("CALIBRATE_POLARIZATION#ON_SOURCE", false), ("CALIBRATE_POLARIZATION.ON_SOURCE", false), ("CALIBRATE_POLARIZATION_ON_SOURCE", false),
        ("CALIBRATE_POLARIZATION#UNSPECIFIED", false),
        ("CALIBRATE_POL_ANGLE#ON_SOURCE", false), ("CALIBRATE_POL_ANGLE.ON_SOURCE", false), ("CALIBRATE_POL_ANGLE_ON_SOURCE", false),
        ("CALIBRATE_POL_ANGLE#UNSPECIFIED", false),
        ("CALIBRATE_POL_LEAKAGE#ON_SOURCE", false), ("CALIBRATE_POL_LEAKAGE.ON_SOURCE", false), ("CALIBRATE_POL_LEAKAGE_ON_SOURCE", false),
        ("CALIBRATE_POL_LEAKAGE#UNSPECIFIED", false),
        ("CALIBRATE_BANDPASS#ON_SOURCE", false), ("CALIBRATE_BANDPASS.ON_SOURCE", false), ("CALIBRATE_BANDPASS_ON_SOURCE", false),
        ("CALIBRATE_AMPLI#ON_SOURCE", false), ("CALIBRATE_AMPLI.ON_SOURCE", false), ("CALIBRATE_AMPLI_ON_SOURCE", false),
        ("CALIBRATE_FLUX#ON_SOURCE", false), ("CALIBRATE_FLUX.ON_SOURCE", false), ("CALIBRATE_FLUX_ON_SOURCE", false),
        ("CALIBRATE_PHASE#ON_SOURCE", false), ("CALIBRATE_PHASE.ON_SOURCE", false), ("CALIBRATE_PHASE_ON_SOURCE", false),
        ("CALIBRATE_TARGET#ON_SOURCE", true), ("CALIBRATE_TARGET.ON_SOURCE", true), ("CALIBRATE_TARGET_ON_SOURCE", true),
        ("CALIBRATE_POINTING#ON_SOURCE", false), ("CALIBRATE_POINTING.ON_SOURCE", false), ("CALIBRATE_POINTING_ON_SOURCE", false),
        ("CALIBRATE_FOCUS#ON_SOURCE", false), ("CALIBRATE_FOCUS.ON_SOURCE", false), ("CALIBRATE_FOCUS_ON_SOURCE", false),
        ("CALIBRATE_WVR#ON_SOURCE", false), ("CALIBRATE_WVR.ON_SOURCE", false), ("CALIBRATE_WVR_ON_SOURCE", false),
        ("CALIBRATE_ATMOSPHERE#ON_SOURCE", false), ("CALIBRATE_ATMOSPHERE.ON_SOURCE", false), ("CALIBRATE_ATMOSPHERE_ON_SOURCE", false),
        ("CALIBRATE_SIDEBAND_RATIO#ON_SOURCE", false), ("CALIBRATE_SIDEBAND_RATIO.ON_SOURCE", false), ("CALIBRATE_SIDEBAND_RATIO_ON_SOURCE", false),
        ("OBSERVE_TARGET#ON_SOURCE", true), ("OBSERVE_TARGET.ON_SOURCE", true), ("OBSERVE_TARGET_ON_SOURCE", true),
        ("OBSERVE_TARGET#UNSPECIFIED", true),
        ("OBSERVE_TARGET#OFF_SOURCE", false), ("OBSERVE_TARGET.OFF_SOURCE", false), ("OBSERVE_TARGET_OFF_SOURCE", false),
        ("CALIBRATE_BANDPASS#UNSPECIFIED", false), ("CALIBRATE_FLUX#UNSPECIFIED", false), ("CALIBRATE_PHASE#UNSPECIFIED", false),
        ("CALIBRATE_AMPLI#UNSPECIFIED", false), ("UNSPECIFIED#UNSPECIFIED", false),
        ("SYSTEM_CONFIGURATION", false), ("SYSTEM_CONFIGURATION#UNSPECIFIED", false),
        // Composite and near-miss strings.
        ("OBSERVE_TARGET", false), ("OBSERVE_TARGET#REFERENCE", false),
        ("OBSERVE_TARGET#UNSPECIFIED,CALIBRATE_POL_LEAKAGE#UNSPECIFIED", true),
        ("CALIBRATE_PHASE#UNSPECIFIED,CALIBRATE_AMPLI#UNSPECIFIED", false),
        ("OBSERVE_TARGET#OFF_SOURCE,CALIBRATE_PHASE#ON_SOURCE", false),
        ("CALIBRATE_FLUX#UNSPECIFIED,OBSERVE_TARGET#ON_SOURCE", true),
        ("observe_target#on_source", false), ("", false),
        (" OBSERVE_TARGET#UNSPECIFIED", true), ("OBSERVE_TARGET#ON_SOURCE_EXTRA", true),
    };

    [Fact]
    public void TheTableHas66ModesIncludingEveryPipelineKey()
    {
        Assert.Equal(66, Table.Length);
        Assert.Equal(66, Table.Select(t => t.Mode).Distinct().Count());
        Assert.Equal(56, VlaStateIntents.Keys.Count);
        Assert.All(VlaStateIntents.Keys, k => Assert.Contains(Table, t => t.Mode == k.Key));
    }

    [SkippableFact]
    public void FieldIntentsFollowThePipelinesVlaStateMapping()
    {
        CasaTestEnvironment.RequireOracle();
        string temp = CasaTestEnvironment.NewTempDir("casa-obsmode");
        try
        {
            string modes = Path.Combine(temp, "modes.json");
            File.WriteAllText(modes, JsonSerializer.Serialize(Table.Select(t => t.Mode).ToArray()));
            using var oracle = JsonDocument.Parse(CasaTestEnvironment.RunOracle("obs_mode_ms.py", new[] { temp, modes }));
            var ms = MeasurementSetInfo.Read(Path.Combine(temp, "modes.ms"));
            Assert.True(ms.IntentsKnown);
            var expected = oracle.RootElement.GetProperty("intents").EnumerateArray().ToList();
            var wrong = new List<string>();
            for (int i = 0; i < Table.Length; i++)
            {
                var f = ms.Fields[i];
                if (f.Intents.Contains("TARGET") != Table[i].Target) wrong.Add($"'{Table[i].Mode}': TARGET {!Table[i].Target}");
                var want = expected[i].EnumerateArray().Select(x => x.GetString()!).ToList();
                if (!want.SequenceEqual(f.Intents)) wrong.Add($"'{Table[i].Mode}': [{string.Join(",", f.Intents)}] vs oracle [{string.Join(",", want)}]");
            }
            Assert.True(wrong.Count == 0, "intents differ from the pipeline's mapping:\n" + string.Join("\n", wrong));

            // The pipeline rule selects exactly the TARGET rows' fields (all names match 0*, all inside the box).
            var sel = FieldSelector.Select(ms, new SkyPosition(0.33, 30.0), 3000);
            Assert.Equal(Enumerable.Range(0, Table.Length).Where(i => Table[i].Target), sel.Fields.Select(f => f.Id));
        }
        finally
        {
            Directory.Delete(temp, true);
        }
    }

    [Theory]
    [InlineData("0807+043", "0807+043")]
    [InlineData("helm=30", "\"helm=30\"")]
    [InlineData("1", "\"1\"")]
    [InlineData("12345", "\"12345\"")]
    [InlineData("", "")]
    [InlineData("T32t02.NCP", "\"T32t02.NCP\"")]
    [InlineData("\"0807+043\"", "\"\"0807+043\"\"")]
    [InlineData("J0010+3403", "J0010+3403")]
    [InlineData("a b", "\"a b\"")]
    [InlineData("Ünï", "\"Ünï\"")]
    public void NamesAreQuotedLikeThePipelinesFieldName(string stored, string pipeline)
        => Assert.Equal(pipeline, MsField.ForCasa(stored));

    [Theory]
    [InlineData("0807+043", true)]
    [InlineData("T32t02.NCP", true)]         // quoted, matches "T*
    [InlineData("12345", true)]              // quoted, matches "1*
    [InlineData("0807_043", true)]           // quoted, matches "0*
    [InlineData("\"0807+043\"", false)]      // quoted again: matches no pattern
    [InlineData("J0010+3403", false)]
    public void PipelineNamePatternsMatchTheQuotedForm(string stored, bool selected)
        => Assert.Equal(selected, FieldSelector.NameMatches(new MsField { Name = stored }, FieldSelector.PipelineNamePatterns, FieldSelectionMethod.Pipeline));
}
