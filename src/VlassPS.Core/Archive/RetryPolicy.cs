namespace VlassPS.Core.Archive;

/// <summary>What went wrong with one HTTP attempt.</summary>
public enum FailureKind
{
    /// <summary>An HTTP status code was returned.</summary>
    HttpStatus,
    /// <summary>The per-request timeout elapsed.</summary>
    Timeout,
    /// <summary>Connection refused/reset, DNS failure, truncated body.</summary>
    Network,
    /// <summary>The body exceeded the size cap.</summary>
    TooLarge,
    /// <summary>A redirect to something other than http(s), or too many redirects: never followed.</summary>
    RedirectRefused,
}

/// <summary>
/// Retry decisions for archive requests: transient failures (5xx, 408, 429, timeouts, network errors) are
/// retried with exponential backoff; client errors and oversized answers are not.
/// </summary>
public sealed class RetryPolicy
{
    public RetryPolicy(int maxAttempts = 4, TimeSpan? initialDelay = null, TimeSpan? maxDelay = null)
    {
        if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "At least one attempt is needed.");
        MaxAttempts = maxAttempts;
        InitialDelay = initialDelay ?? TimeSpan.FromSeconds(1);
        MaxDelay = maxDelay ?? TimeSpan.FromSeconds(30);
    }

    public int MaxAttempts { get; }
    public TimeSpan InitialDelay { get; }
    public TimeSpan MaxDelay { get; }

    public static bool IsTransient(FailureKind kind, int? statusCode) => kind switch
    {
        FailureKind.Timeout or FailureKind.Network => true,
        FailureKind.HttpStatus => statusCode is >= 500 or 408 or 429,
        _ => false,
    };

    /// <summary>True when attempt number <paramref name="attempt"/> (1-based) failed transiently and attempts remain.</summary>
    public bool ShouldRetry(int attempt, FailureKind kind, int? statusCode)
        => attempt < MaxAttempts && IsTransient(kind, statusCode);

    /// <summary>Delay before attempt <paramref name="attempt"/> + 1: initial · 2^(attempt-1), capped.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        double ms = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
    }
}
