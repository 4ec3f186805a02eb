using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VlassPS.TestServer;

/// <summary>A scripted answer of <see cref="LoopbackHttpServer"/>.</summary>
public sealed record ServerReply(int Status, string? Body = null, bool Hang = false, long StreamBytes = 0, bool DeclareLength = true, string? Location = null)
{
    /// <summary>A 302 to <paramref name="location"/> (any scheme: hostile servers redirect to file: too).</summary>
    public static ServerReply Redirect(string location) => new(302, "", Location: location);
    public static ServerReply Ok(string body) => new(200, body);
    public static ServerReply Error(int status) => new(status, $"<html><body>{status}</body></html>");
    public static readonly ServerReply Hanging = new(200, Hang: true);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port: serves a directory tree under a prefix (a folder URL
/// serves its index.html) plus scripted routes (failures, hangs, huge bodies). Counts requests per path.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<int, ServerReply>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly string? _staticRoot;
    private readonly string _staticPrefix;
    private readonly Task _loop;

    public LoopbackHttpServer(string? staticRoot = null, string staticPrefix = "/quicklook/")
    {
        _staticRoot = staticRoot;
        _staticPrefix = staticPrefix;
        (_listener, BaseUri) = Start();
        _loop = Task.Run(AcceptLoop);
    }

    public Uri BaseUri { get; }

    /// <summary>Requests seen so far, in order (path only).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Scripted answer for a path; the function gets the 1-based request count of that path.</summary>
    public void Map(string path, Func<int, ServerReply> reply) => _routes[path] = reply;

    /// <summary>Always answer <paramref name="path"/> with a status (for PowerShell tests, which cannot pass delegates).</summary>
    public void MapStatus(string path, int status) => Map(path, _ => ServerReply.Error(status));

    /// <summary>Always answer <paramref name="path"/> with 200 and a text body.</summary>
    public void MapText(string path, string body) => Map(path, _ => ServerReply.Ok(body));

    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    public int TotalHits => Requests.Count;

    private static (HttpListener, Uri) Start()
    {
        for (int attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var prefix = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();   // the port was taken in between; pick another
            }
        }
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception) { return; }   // listener stopped
            _ = Task.Run(() => Handle(ctx));
        }
    }

    private async Task Handle(HttpListenerContext ctx)
    {
        var path = ctx.Request.Url!.AbsolutePath;
        Requests.Enqueue(path);
        int n = _hits.AddOrUpdate(path, 1, (_, v) => v + 1);
        try
        {
            var reply = _routes.TryGetValue(path, out var route) ? route(n) : Static(path);
            if (reply.Hang)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                return;
            }
            ctx.Response.StatusCode = reply.Status;
            if (reply.Location is not null) ctx.Response.Headers["Location"] = reply.Location;
            if (reply.StreamBytes > 0)
            {
                if (reply.DeclareLength) ctx.Response.ContentLength64 = reply.StreamBytes;
                else ctx.Response.SendChunked = true;
                var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
                for (long sent = 0; sent < reply.StreamBytes && !_stop.IsCancellationRequested; sent += chunk.Length)
                    await ctx.Response.OutputStream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, reply.StreamBytes - sent)), _stop.Token).ConfigureAwait(false);
            }
            else
            {
                var bytes = Encoding.UTF8.GetBytes(reply.Body ?? "");
                ctx.Response.ContentType = "text/html; charset=utf-8";
                ctx.Response.ContentLength64 = bytes.Length;
                await ctx.Response.OutputStream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
            }
            ctx.Response.Close();
        }
        catch (Exception)
        {
            try { ctx.Response.Abort(); } catch (Exception) { /* the client went away */ }
        }
    }

    private ServerReply Static(string path)
    {
        if (_staticRoot is null || !path.StartsWith(_staticPrefix, StringComparison.Ordinal)) return ServerReply.Error(404);
        var relative = Uri.UnescapeDataString(path[_staticPrefix.Length..]);
        if (relative.Contains("..", StringComparison.Ordinal)) return ServerReply.Error(403);
        var file = Path.Combine(_staticRoot, relative.Replace('/', Path.DirectorySeparatorChar));
        if (path.EndsWith('/')) file = Path.Combine(file, "index.html");
        return File.Exists(file) ? ServerReply.Ok(File.ReadAllText(file)) : ServerReply.Error(404);
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _listener.Stop(); } catch (ObjectDisposedException) { }
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
