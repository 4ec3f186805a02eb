namespace VlassPS.Core.Scheduling;

/// <summary>What may go into a directive line verbatim (no quoting exists there).</summary>
public static class DirectiveSafe
{
    public static bool IsSafePath(string path) => path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+');
}
