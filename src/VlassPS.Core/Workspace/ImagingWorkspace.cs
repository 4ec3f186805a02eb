using VlassPS.Core.Scheduling;
using VlassPS.Core.Seip;

namespace VlassPS.Core.Workspace;

/// <summary>What a workspace run did.</summary>
public enum WorkspaceStatus
{
    /// <summary>The files did not exist and were written.</summary>
    Created,
    /// <summary>Every file already had exactly this content; nothing was written.</summary>
    Unchanged,
    /// <summary>Existing files with other content were replaced (-Force).</summary>
    Updated,
    /// <summary>-WhatIf: nothing was written.</summary>
    Planned,
}

/// <summary>A ready-to-run imaging workspace (output of New-VlassImagingWorkspace).</summary>
public sealed class ImagingWorkspace
{
    public ImagingWorkspace(ImagingWorkspacePlan plan, WorkspaceStatus status)
    {
        var s = plan.Spec;
        Name = s.Name;
        Target = s.ParameterList.Target is { } t && t.Name == s.Name ? t : new Targets.VlassTarget(s.Name);
        SafeName = s.SafeName;
        Path = s.WorkspaceDirectory;
        WorkingDirectory = s.WorkingDirectory;
        ProductsDirectory = s.ProductsDirectory;
        ParameterFile = System.IO.Path.Combine(s.WorkingDirectory, ImagingWorkspacePlan.ParameterFileName);
        CommandScript = System.IO.Path.Combine(s.WorkingDirectory, ImagingWorkspacePlan.CommandScriptName);
        BatchScript = System.IO.Path.Combine(s.WorkingDirectory, s.BatchScriptName);
        Scheduler = s.Scheduler;
        PipelineVersion = s.Profile.Version;
        Cores = s.Resources.Cores;
        MemoryGB = s.Resources.MemoryGB;
        WallTime = plan.WallTime;
        Casa = s.Casa.Casa;
        MeasurementSets = s.MeasurementSets;
        ScienceCutout = plan.ScienceCutoutName;
        ParameterList = plan.ParameterList;
        Warnings = plan.Warnings;
        Status = status;
    }

    public string Name { get; }
    /// <summary>The target of the run (from the parameter list, else named after the run).</summary>
    public Targets.VlassTarget Target { get; }
    public string SafeName { get; }
    public string Path { get; }
    public string WorkingDirectory { get; }
    public string ProductsDirectory { get; }
    public string ParameterFile { get; }
    public string CommandScript { get; }
    public string BatchScript { get; }
    public BatchScheduler Scheduler { get; }
    public PipelineVersion PipelineVersion { get; }
    public int Cores { get; }
    public int MemoryGB { get; }
    public TimeSpan WallTime { get; }
    public string Casa { get; }
    public IReadOnlyList<string> MeasurementSets { get; }
    /// <summary>How the science-size image is produced: cutout_imsize, imsubimage or none.</summary>
    public string ScienceCutout { get; }
    public SeipParameterList ParameterList { get; }
    public IReadOnlyList<string> Warnings { get; }
    public WorkspaceStatus Status { get; }

    /// <summary>The command that starts the run by hand.</summary>
    public string SubmitCommand => BatchSystems.For(Scheduler).SubmitCommandText(BatchScript);

    /// <summary>The imaging job submitted last (from vlassps.json), or null.</summary>
    public JobRecord? Job => WorkspaceManifestStore.Exists(Path) ? WorkspaceManifestStore.Read(Path).CurrentImagingJob : null;

    private ImagingWorkspace(string directory, WorkspaceManifest m, SeipParameterList list)
    {
        Name = m.Name;
        Target = list.Target is { } t && t.Name == m.Name ? t : TargetOf(m);
        SafeName = m.SafeName;
        Path = directory;
        WorkingDirectory = System.IO.Path.Combine(directory, "working");
        ProductsDirectory = System.IO.Path.Combine(directory, "products");
        ParameterFile = System.IO.Path.Combine(WorkingDirectory, ImagingWorkspacePlan.ParameterFileName);
        CommandScript = System.IO.Path.Combine(WorkingDirectory, ImagingWorkspacePlan.CommandScriptName);
        BatchScript = System.IO.Path.Combine(WorkingDirectory, $"run_SE.{m.SafeName}.sh");
        Scheduler = Enum.Parse<BatchScheduler>(m.Scheduler, ignoreCase: true);
        PipelineVersion = PipelineVersion.Parse(m.PipelineVersion);
        Cores = m.Cores;
        MemoryGB = m.MemoryGB;
        WallTime = m.WallTime;
        Casa = m.Casa;
        MeasurementSets = m.MeasurementSets;
        ScienceCutout = m.ScienceCutout;
        ParameterList = list;
        Warnings = Array.Empty<string>();
        Status = WorkspaceStatus.Unchanged;
    }

    // A workspace read back from disk: the target is named after the run, at the phase centre it was written with.
    private static Targets.VlassTarget TargetOf(WorkspaceManifest m) =>
        new(m.Name, m.PhaseCenter is { } pc && Sky.SkyPosition.TryParse(pc, out var p, out _) ? p : null);

    /// <summary>
    /// The workspace in <paramref name="directory"/> (its vlassps.json and parameter list). Throws
    /// FileNotFoundException when the folder is no workspace, InvalidDataException when the manifest or
    /// the parameter list cannot be read.
    /// </summary>
    public static ImagingWorkspace Load(string directory)
    {
        directory = System.IO.Path.GetFullPath(directory);
        var m = WorkspaceManifestStore.Read(directory);
        if (!Enum.TryParse<BatchScheduler>(m.Scheduler, true, out _) || !Seip.PipelineVersion.TryParse(m.PipelineVersion, out _))
            throw new InvalidDataException($"{WorkspaceManifestStore.PathOf(directory)}: unknown scheduler '{m.Scheduler}' or pipeline version '{m.PipelineVersion}'.");
        string listPath = System.IO.Path.Combine(directory, "working", ImagingWorkspacePlan.ParameterFileName);
        if (!File.Exists(listPath)) throw new FileNotFoundException($"Workspace '{directory}' has no {ImagingWorkspacePlan.ParameterFileName}.", listPath);
        var parsed = SeipParameterFileReader.Load(listPath);
        return new ImagingWorkspace(directory, m, parsed.List);
    }
}
