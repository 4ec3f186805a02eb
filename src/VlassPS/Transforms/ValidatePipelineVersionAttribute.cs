using System.Management.Automation;

namespace VlassPS.Transforms;

/// <summary>
/// -PipelineVersion is checked once, at binding, the same way by every cmdlet that takes it (one error id,
/// ParameterArgumentValidationError), instead of by each cmdlet's body with its own id.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidatePipelineVersionAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var text = arguments is PSObject p ? p.BaseObject : arguments;
        if (text is null) return;
        if (!Core.Seip.PipelineVersion.TryParse(text.ToString(), out _))
            throw new ValidationMetadataException(
                $"'{text}' is not a pipeline version: give year.major.minor.build, such as {Core.Seip.PipelineVersion.Current2025} or {Core.Seip.PipelineVersion.Memo2023}.");
    }
}
