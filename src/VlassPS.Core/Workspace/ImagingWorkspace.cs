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

    /// <summary>The command that starts the run.</summary>
    public string SubmitCommand => Scheduler switch
    {
        BatchScheduler.Slurm => "sbatch " + ShellQuote.Quote(BatchScript),
        BatchScheduler.Pbs => "qsub " + ShellQuote.Quote(BatchScript),
        _ => "bash " + ShellQuote.Quote(BatchScript),
    };
}
