using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VlassPS.TestServer;

/// <summary>
/// A loopback HTTP server written on a bare socket, for the faults HttpListener cannot produce: a body cut short
/// after its headers promised more (Content-Length larger than what is sent), or a body without Content-Length
/// that ends when the connection closes halfway (HTTP/1.0 framing). Every request gets the same answer.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _body;
    private readonly int _send;
    private readonly long? _declaredLength;
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    /// <param name="body">The full document.</param>
    /// <param name="send">How many bytes of it are actually sent before the connection closes.</param>
    /// <param name="declaredLength">The Content-Length header, or null for none (close-delimited body).</param>
    public RawHttpServer(byte[] body, int send, long? declaredLength)
    {
        _body = body;
        _send = Math.Min(send, body.Length);
        _declaredLength = declaredLength;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = Task.Run(AcceptLoop);
    }

    public Uri BaseUri { get; }

    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                // Read the request head (up to the blank line); its content does not matter.
                var head = new StringBuilder();
                var buf = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    int n = await stream.ReadAsync(buf, _stop.Token).ConfigureAwait(false);
                    if (n == 0) return;
                    head.Append(Encoding.ASCII.GetString(buf, 0, n));
                }
                Interlocked.Increment(ref _requests);
                var headers = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                    + (_declaredLength is long l ? $"Content-Length: {l}\r\n" : "") + "\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(headers), _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(_body.AsMemory(0, _send), _stop.Token).ConfigureAwait(false);
                await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception)
            {
                // the client went away
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
