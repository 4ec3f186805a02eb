namespace VlassPS.Core.Campaigns;

/// <summary>
/// A validated campaign: defaults plus targets, as read by Import-VlassCampaign from a YAML file (optionally with
/// a CSV target list) or built from pipeline input. Contract for the planner and the reconciler:
/// <list type="bullet">
/// <item>Target names are unique (ordinal) and so are their <see cref="Targets.VlassTarget.Id"/>s.</item>
/// <item>Every target has a position in the survey (Dec ≥ −40°) and effective, validated settings.</item>
/// <item><see cref="DataDirectory"/> and <see cref="WorkRoot"/> are campaign-wide (absolute when the file set them;
/// relative paths in a file are resolved against the file's folder).</item>
/// </list>
/// </summary>
public sealed class CampaignDefinition
{
    public CampaignDefinition(string name, CampaignSettings defaults, IReadOnlyList<CampaignTarget> targets, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(targets);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in targets)
            if (!seen.Add(t.Name)) throw new ArgumentException($"Duplicate campaign target name '{t.Name}'.", nameof(targets));
        Name = name;
        Defaults = defaults;
        Targets = targets;
        SourcePath = sourcePath;
    }

    /// <summary>Campaign name (the YAML <c>name:</c>, else the file name without extension).</summary>
    public string Name { get; }
    public CampaignSettings Defaults { get; }
    public IReadOnlyList<CampaignTarget> Targets { get; }
    /// <summary>The YAML file this was read from; null when built in memory.</summary>
    public string? SourcePath { get; }
    public string? DataDirectory => Defaults.DataDirectory;
    public string? WorkRoot => Defaults.WorkRoot;
    public int TargetCount => Targets.Count;
    public override string ToString() => $"{Name} ({Targets.Count} targets)";
}
