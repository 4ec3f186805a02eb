using VlassPS.Core.Targets;

namespace VlassPS.Core.Campaigns;

/// <summary>
/// One target of a campaign with its effective settings (defaults + this target's overrides already applied).
/// <see cref="OverriddenKeys"/> names the YAML keys the target set itself (science_size, cell, epochs, ...).
/// </summary>
public sealed class CampaignTarget
{
    public CampaignTarget(VlassTarget target, CampaignSettings settings, IReadOnlyCollection<string>? overriddenKeys = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        if (target.Position is null) throw new ArgumentException($"Campaign target '{target.Name}' has no position.", nameof(target));
        Target = target;
        Settings = settings;
        OverriddenKeys = overriddenKeys ?? Array.Empty<string>();
    }

    public VlassTarget Target { get; }
    public string Name => Target.Name;
    public Sky.SkyPosition Position => Target.Position!;
    public CampaignSettings Settings { get; }
    public IReadOnlyCollection<string> OverriddenKeys { get; }
    public override string ToString() => Target.Name;
}
