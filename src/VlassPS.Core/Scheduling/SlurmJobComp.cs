namespace VlassPS.Core.Scheduling;

/// <summary>
/// The jobcomp/filetxt file of a cluster without slurmdbd (the one <c>sacct -c</c> reads). <c>sacct -c</c> lists
/// array tasks under their own raw ids and cannot print ArrayJobId/ArrayTaskId ("Unknown type"), so array tasks
/// that left the controller (MinJobAge) are looked up in the file itself: one "Key=Value ..." line per finished job.
/// </summary>
public static class SlurmJobComp
{
    /// <summary>The file's path from the slurm.conf the clients use, or null (other jobcomp type, no file).</summary>
    public static string? FilePath()
    {
        string conf = Environment.GetEnvironmentVariable("SLURM_CONF") ?? "/etc/slurm/slurm.conf";
        string? type = null, location = null;
        try
        {
            foreach (var line in File.ReadLines(conf))
            {
                var t = line.Trim();
                if (t.StartsWith("JobCompType=", StringComparison.OrdinalIgnoreCase)) type = t["JobCompType=".Length..].Trim();
                else if (t.StartsWith("JobCompLoc=", StringComparison.OrdinalIgnoreCase)) location = t["JobCompLoc=".Length..].Trim();
            }
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        return string.Equals(type, "jobcomp/filetxt", StringComparison.OrdinalIgnoreCase) && location is not null && File.Exists(location) ? location : null;
    }

    /// <summary>Every record in the file (each a key → value map); empty when there is no file.</summary>
    public static IEnumerable<Dictionary<string, string>> Records()
    {
        string? path = FilePath();
        if (path is null) yield break;
        IEnumerable<string> lines;
        try { lines = File.ReadAllLines(path); }
        catch (IOException) { yield break; }
        catch (UnauthorizedAccessException) { yield break; }
        foreach (var line in lines)
            if (line.StartsWith("JobId=", StringComparison.Ordinal)) yield return SlurmBatchSystem.ParseScontrol(line);
    }

    /// <summary>The id VlassPS uses for a record: &lt;array id&gt;_&lt;index&gt; for an array task, else the job id.</summary>
    public static string IdOf(Dictionary<string, string> r)
        => r.TryGetValue("ArrayJobId", out var a) && a is not ("" or "0") && r.TryGetValue("ArrayTaskId", out var i) && i.Length > 0
            ? a + "_" + i : r.GetValueOrDefault("JobId", "");

    /// <summary>The array's id for an array task, else the job id (what a campaign records per submission).</summary>
    public static string SubmissionIdOf(Dictionary<string, string> r)
        => r.TryGetValue("ArrayJobId", out var a) && a is not ("" or "0") ? a : r.GetValueOrDefault("JobId", "");
}
