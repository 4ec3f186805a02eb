using System.Management.Automation;
using VlassPS.Core.IO;
using VlassPS.Yaml;

namespace VlassPS.Commands;

/// <summary>
/// Writes a commented starter campaign file (the memo's two quasars, every setting explained), valid as written:
/// Import-VlassCampaign reads it back. The module's writer rule applies (no overwrite without -Force).
/// </summary>
[Cmdlet(VerbsCommon.New, "VlassCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class NewVlassCampaignCommand : VlassCmdlet
{
    /// <summary>The campaign file to write (e.g. campaign.yaml).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Campaign name written into the file; default: the file name without extension.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Replace an existing file with different content.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        string path = ResolvePath(Path);
        string text = CampaignStarter.Text(Name ?? System.IO.Path.GetFileNameWithoutExtension(path));
        var status = WriteOutputFile(path, s => s.Write(new System.Text.UTF8Encoding(false).GetBytes(text)), null, "Write campaign starter file");
        if (status is null or WriteStatus.Conflict or WriteStatus.Planned) return;
        WriteObject(new FileInfo(path));
    }
}
