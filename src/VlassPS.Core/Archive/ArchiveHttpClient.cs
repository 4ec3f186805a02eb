using System.Net;
using System.Text;

namespace VlassPS.Core.Archive;

/// <summary>
/// GETs small text documents (listings, scripts, logs) from the archive with a per-attempt timeout, a cap on
/// the body size and retries with exponential backoff on transient failures. 404/410 are answers ("not there"),
/// not failures.
/// </summary>
public sealed class ArchiveHttpClient : IDisposable
{
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>Redirects followed per request (each checked: http(s) only).</summary>
    public const int MaxRedirects = 5;

    private readonly HttpClient _http;
    private readonly bool _ownsClient;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public ArchiveHttpClient(TimeSpan? timeout = null, long maxResponseBytes = DefaultMaxResponseBytes,
        RetryPolicy? retry = null, HttpMessageHandler? handler = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        if (maxResponseBytes <= 0) throw new ArgumentOutOfRangeException(nameof(maxResponseBytes), maxResponseBytes, "The size cap must be positive.");
        Timeout = timeout ?? TimeSpan.FromSeconds(30);
        MaxResponseBytes = maxResponseBytes;
        Retry = retry ?? new RetryPolicy();
        _delay = delay ?? Task.Delay;
        // Redirects are followed here, not by the handler, so that each target is checked (file:, ftp: … refused).
        _http = handler is null ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) : new HttpClient(handler, disposeHandler: false);
        _ownsClient = true;
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;   // our own per-attempt timeout below
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("VlassPS/" + (typeof(ArchiveHttpClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    public TimeSpan Timeout { get; }
    public long MaxResponseBytes { get; }
    public RetryPolicy Retry { get; }

    /// <summary>Called with one line per decision (retry, give up), for verbose output.</summary>
    public Action<string>? Trace { get; set; }

    /// <summary>The body as text, or null when the server answers 404 or 410.</summary>
    public async Task<string?> GetTextAsync(Uri uri, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FailureKind kind;
            int? status = null;
            string detail;
            Exception? inner = null;
            using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCts.CancelAfter(Timeout);
                try
                {
                    using var response = await GetFollowingRedirectsAsync(uri, attemptCts.Token).ConfigureAwait(false);
                    if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone) return null;
                    if (!response.IsSuccessStatusCode)
                    {
                        kind = FailureKind.HttpStatus;
                        status = (int)response.StatusCode;
                        detail = $"HTTP {status} {response.ReasonPhrase}";
                    }
                    else if (response.Content.Headers.ContentLength is long declared && declared > MaxResponseBytes)
                    {
                        kind = FailureKind.TooLarge;
                        detail = $"the answer is {declared} bytes, more than the cap of {MaxResponseBytes}";
                    }
                    else
                    {
                        var (body, received) = await ReadCappedAsync(response.Content, attemptCts.Token).ConfigureAwait(false);
                        // A body shorter than its Content-Length is a cut connection, never an answer.
                        if (body is not null && response.Content.Headers.ContentLength is long expected && received != expected)
                            throw new IOException($"the answer ended after {received} of {expected} bytes");
                        if (body is not null) return body;
                        kind = FailureKind.TooLarge;
                        detail = $"the answer exceeds the cap of {MaxResponseBytes} bytes";
                    }
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    kind = FailureKind.Timeout;
                    detail = $"no complete answer within {Timeout.TotalSeconds:0.###} s";
                    inner = ex;
                }
                catch (RedirectRefusedException ex)
                {
                    kind = FailureKind.RedirectRefused;
                    detail = ex.Message;
                    inner = ex;
                }
                catch (HttpRequestException ex)
                {
                    kind = FailureKind.Network;
                    detail = ex.Message;
                    inner = ex;
                }
                catch (IOException ex)
                {
                    kind = FailureKind.Network;
                    detail = ex.Message;
                    inner = ex;
                }
            }

            if (kind == FailureKind.RedirectRefused || !Retry.ShouldRetry(attempt, kind, status))
            {
                Trace?.Invoke($"GET {uri} failed ({detail}); giving up after {attempt} attempt(s)");
                throw new ArchiveRequestException(uri, kind, status, attempt,
                    $"GET {uri} failed after {attempt} attempt(s): {detail}.", inner);
            }
            var wait = Retry.DelayAfter(attempt);
            Trace?.Invoke($"GET {uri} failed ({detail}); retrying in {wait.TotalSeconds:0.###} s");
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> GetFollowingRedirectsAsync(Uri uri, CancellationToken ct)
    {
        var current = uri;
        for (int hop = 0; ; hop++)
        {
            var response = await _http.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            int code = (int)response.StatusCode;
            if (code is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null) return response;
            var location = response.Headers.Location;
            response.Dispose();
            // A relative Location resolves against the current URL; an absolute one must still be http(s).
            if (!Uri.TryCreate(current, location.OriginalString, out var next))
                throw new RedirectRefusedException($"the server redirected to '{location.OriginalString}', which is not a URL");
            if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                throw new RedirectRefusedException($"the server redirected to '{next.OriginalString}'; only http(s) redirects are followed");
            if (hop >= MaxRedirects)
                throw new RedirectRefusedException($"more than {MaxRedirects} redirects");
            current = next;
        }
    }

    private sealed class RedirectRefusedException(string message) : Exception(message);

    /// <summary>Reads at most the cap; null when the body is larger.</summary>
    private async Task<(string? Text, long Bytes)> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > MaxResponseBytes) return (null, buffer.Length + n);
            buffer.Write(chunk, 0, n);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), buffer.Length);
    }

    public void Dispose()
    {
        if (_ownsClient) _http.Dispose();
    }
}
