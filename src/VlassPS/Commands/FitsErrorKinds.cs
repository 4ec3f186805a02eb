using System.Management.Automation;
using VlassPS.Core.Fits;

namespace VlassPS.Commands;

/// <summary>One mapping from FITS reading failures to stable error ids, shared by the image cmdlets.</summary>
internal static class FitsErrorKinds
{
    /// <summary>The error id and category for a failure to read an image, or null when it is not a reading failure.</summary>
    public static (string Id, ErrorCategory Category)? Classify(Exception ex) => ex switch
    {
        VlassPS.Core.Errors.VlassException v => (v.Error.Id, VlassCmdlet.Category(v.Error.Kind)),
        FitsFormatException => ("FitsMalformed", ErrorCategory.InvalidData),
        NotSupportedException or InvalidOperationException or ArgumentException => ("FitsImageUnsupported", ErrorCategory.NotImplemented),
        IOException or UnauthorizedAccessException => ("FitsUnreadable", ErrorCategory.ReadError),
        _ => null,
    };
}
