using System.Net.Sockets;

namespace VlassPS.Core.Archive;

/// <summary>
/// Stops one command from hammering an archive that is not there. A refused connection, an unknown host or an
/// unreachable network opens the circuit at once; any other transport failure opens it after
/// <see cref="FailureThreshold"/> in a row. Once open, every further request of the invocation fails at once
/// (no network, no backoff), so the command ends within seconds instead of retrying each tile × epoch.
/// </summary>
public sealed class ArchiveCircuitBreaker
{
    public const int FailureThreshold = 3;
    private int _consecutiveFailures;

    /// <summary>True once the archive is considered unreachable for the rest of the invocation.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Why the circuit opened (the first unreachable failure).</summary>
    public string? Reason { get; private set; }

    /// <summary>The handler to give ArchiveHttpClient; redirects stay with the client (not followed here).</summary>
    public HttpMessageHandler CreateHandler() => new Handler(this, new SocketsHttpHandler { AllowAutoRedirect = false });

    /// <summary>A retry delay that is skipped once the circuit is open.</summary>
    public Task Delay(TimeSpan delay, CancellationToken cancel) => IsOpen ? Task.CompletedTask : Task.Delay(delay, cancel);

    internal void Success() => _consecutiveFailures = 0;

    internal void Failure(HttpRequestException ex)
    {
        bool unreachable = ex.InnerException is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData
        };
        if (unreachable || ++_consecutiveFailures >= FailureThreshold)
        {
            IsOpen = true;
            Reason ??= ex.Message;
        }
    }

    private sealed class Handler(ArchiveCircuitBreaker breaker, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (breaker.IsOpen)
                throw new HttpRequestException($"not attempted: the archive was unreachable earlier in this command ({breaker.Reason})");
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                breaker.Success();
                return response;
            }
            catch (HttpRequestException ex)
            {
                breaker.Failure(ex);
                throw;
            }
        }
    }
}
