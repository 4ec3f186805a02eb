namespace VlassPS.Core.Archive;

/// <summary>A request to the archive failed after all retries.</summary>
public sealed class ArchiveRequestException : Exception
{
    public ArchiveRequestException(Uri uri, FailureKind kind, int? statusCode, int attempts, string message, Exception? inner = null)
        : base(message, inner)
    {
        Uri = uri;
        Kind = kind;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    public Uri Uri { get; }
    public FailureKind Kind { get; }
    public int? StatusCode { get; }
    public int Attempts { get; }
}
