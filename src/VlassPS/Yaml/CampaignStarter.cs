namespace VlassPS.Yaml;

/// <summary>The commented starter campaign file New-VlassCampaign writes (valid as written; see about_VlassCampaigns).</summary>
internal static class CampaignStarter
{
    public static string Text(string name) => $$"""
# VlassPS campaign file (schema: Get-Help about_VlassCampaigns).
# Check it with Import-VlassCampaign; plan it with Get-VlassCampaignPlan.
name: {{Quote(name)}}

# Settings every target gets unless it overrides them.
defaults:
  science_size: 60          # final (science) image side in arcsec; [width, height] for a rectangle
  cell: 0.6                 # pixel size in arcsec
  epochs: [VLASS2.1, VLASS2.2]   # epochs to image; [] = every epoch in which the target was observed
  imaging_mode: VLASS-SE-CONT-MOSAIC
  # pipeline_version: 2023.1.1.8   # default: the module's default pipeline
  # casa_path: /opt/casa/casa-6.5.4-9-pipeline-2023.1.0.124/bin/casa
  scheduler: Slurm          # Slurm, Pbs or Local (campaign-wide)
  resources:                # per imaging job
    cores: 4
    memory_gb: 256
    # wall_time: "12:00:00"
    # partition: batch
    # account: myproject
  data_directory: ms        # where downloaded calibrated MSs (<EB>.ms) land; relative to this file
  work_root: work           # one workspace per target and epoch goes under here
  # checks:                 # after each unit completes: peak and flux within this radius of the target
  #   flux: { radius_arcsec: 10 }

# Targets: a name and a position in any form Convert-ToVlassPosition reads; any setting above except
# scheduler, data_directory and work_root may be overridden per target.
targets:
  - name: J0807+0432
    position: "08:07:57.538 +04:32:34.55"
  - name: J0925+1444
    position: "09:25:07.271 +14:44:25.74"
    science_size: 120
    # official_image: official/J0925+1444.fits   # the official SE image: its flux in the same circle, and the ratio

# More targets from a CSV list (Name,Position or Name,Ra,Dec; extra columns such as ScienceSize override):
# targets_file: targets.csv
""";

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
