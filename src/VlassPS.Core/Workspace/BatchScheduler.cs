namespace VlassPS.Core.Workspace;

/// <summary>How the generated run script is meant to be started.</summary>
public enum BatchScheduler
{
    /// <summary><c>sbatch run_SE.&lt;name&gt;.sh</c> (#SBATCH directives).</summary>
    Slurm,
    /// <summary><c>qsub run_SE.&lt;name&gt;.sh</c> (PBS/Torque #PBS directives).</summary>
    Pbs,
    /// <summary><c>bash run_SE.&lt;name&gt;.sh</c> on the current machine.</summary>
    Local,
}
