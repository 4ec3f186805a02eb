namespace VlassPS.Commands;

/// <summary>
/// Exceptions that a reader raises on a file whose content is not what it expects (a column of another type, a
/// count that overflows, an index past the end): faults of the data, reported per file, never of the pipeline.
/// </summary>
internal static class CasaReadFailure
{
    public static bool IsDataFault(Exception ex)
        => ex is InvalidCastException or OverflowException or FormatException or IndexOutOfRangeException
            or ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException
            or EndOfStreamException or KeyNotFoundException or NotSupportedException or InvalidOperationException;
}
