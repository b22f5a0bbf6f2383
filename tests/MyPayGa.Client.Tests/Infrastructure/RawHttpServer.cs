using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MyPayGa.Client.Tests.Infrastructure;

/// <summary>
/// A socket on 127.0.0.1:{random port} that reads one request's head and answers it with exactly the bytes a test
/// gives — status lines, headers and framing Kestrel would never write — then closes the connection.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<byte[]> _answers = new();
    private readonly Task _loop;
    private int _connections;

    private RawHttpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUrl { get; }

    public int Connections => Volatile.Read(ref _connections);

    public static RawHttpServer Start() => new();

    /// <summary>The next connection is answered with these bytes (ISO-8859-1 for the text form).</summary>
    public void Enqueue(byte[] answer) => _answers.Enqueue(answer);

    public void Enqueue(string answer) => Enqueue(Encoding.Latin1.GetBytes(answer));

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => AnswerAsync(socket));
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                // Read the request head (and whatever body came with it); the answer does not depend on it.
                var buffer = new byte[16 * 1024];
                var received = 0;
                while (received < buffer.Length)
                {
                    var n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, _stop.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    received += n;
                    if (buffer.AsSpan(0, received).IndexOf("\r\n\r\n"u8) >= 0)
                    {
                        break;
                    }
                }

                var answer = _answers.TryDequeue(out var queued) ? queued : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"u8.ToArray();
                await socket.SendAsync(answer, SocketFlags.None, _stop.Token);
                socket.Shutdown(SocketShutdown.Send);
                await Task.Delay(50);
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // the client may hang up first
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
