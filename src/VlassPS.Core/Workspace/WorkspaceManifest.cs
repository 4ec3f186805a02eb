using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using VlassPS.Core.IO;
using VlassPS.Core.Scheduling;

namespace VlassPS.Core.Workspace;

/// <summary>
/// vlassps.json at the top of a workspace: what the workspace is (target, inputs, pipeline version, the
/// hashes of the files VlassPS wrote) and the jobs submitted for it. Lets any session, node or cron job
/// pick a workspace up from its folder alone.
/// </summary>
public sealed class WorkspaceManifest
{
    public const string FileName = "vlassps.json";
    public const int CurrentSchema = 1;

    public int Schema { get; set; } = CurrentSchema;
    public string Name { get; set; } = "";
    public string SafeName { get; set; } = "";
    public string? ImageName { get; set; }
    /// <summary>The parameter list's phasecenter (the target).</summary>
    public string? PhaseCenter { get; set; }
    public string PipelineVersion { get; set; } = "";
    public string Scheduler { get; set; } = "";
    public int Cores { get; set; }
    public int MemoryGB { get; set; }
    public TimeSpan WallTime { get; set; }
    public string? Partition { get; set; }
    public string? Account { get; set; }
    public string Casa { get; set; } = "";
    public string ScienceCutout { get; set; } = "";
    public List<string> MeasurementSets { get; set; } = new();
    /// <summary>Relative path -> SHA-256 (hex) of the content VlassPS wrote.</summary>
    public SortedDictionary<string, string> Files { get; set; } = new(StringComparer.Ordinal);
    public string WrittenBy { get; set; } = "";
    public DateTimeOffset Written { get; set; }
    /// <summary>Every job ever submitted for this workspace, oldest first; the last Imaging one is current.</summary>
    public List<JobRecord> Jobs { get; set; } = new();

    [JsonIgnore] public JobRecord? CurrentImagingJob => Jobs.LastOrDefault(j => j.Kind == "Imaging");

    public static WorkspaceManifest FromPlan(ImagingWorkspacePlan plan)
    {
        var s = plan.Spec;
        return new WorkspaceManifest
        {
            Name = s.Name, SafeName = s.SafeName, ImageName = plan.ParameterList.ImageName, PhaseCenter = plan.ParameterList.PhaseCenter,
            PipelineVersion = s.Profile.Version.ToString(), Scheduler = s.Scheduler.ToString(),
            Cores = s.Resources.Cores, MemoryGB = s.Resources.MemoryGB, WallTime = plan.WallTime,
            Partition = s.Resources.Partition, Account = s.Resources.Account,
            Casa = s.Casa.Casa, ScienceCutout = plan.ScienceCutoutName,
            MeasurementSets = s.MeasurementSets.ToList(),
            Files = new SortedDictionary<string, string>(plan.Files.ToDictionary(f => f.Key, f => Sha256(f.Value)), StringComparer.Ordinal),
            WrittenBy = "VlassPS " + (typeof(WorkspaceManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"),
            Written = DateTimeOffset.UtcNow,
        };
    }

    public static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(new UTF8Encoding(false).GetBytes(text))).ToLowerInvariant();

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
