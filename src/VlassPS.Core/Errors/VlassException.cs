namespace VlassPS.Core.Errors;

/// <summary>
/// A domain failure with its stable id (from <see cref="VlassErrors"/>) and the object it concerns; the cmdlets'
/// base class turns it into an ErrorRecord without further mapping.
/// </summary>
public class VlassException : Exception
{
    public VlassException(VlassErrorId error, string message, object? target = null, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        Target = target;
    }

    public VlassErrorId Error { get; }

    /// <summary>The user's input the error is about (a path, a value, a name).</summary>
    public object? Target { get; }
}
