namespace MyPayGa.Client.Http;

/// <summary>
/// The named MyPayGa HttpClient, created by IHttpClientFactory once a minute rather than once per call: creating one
/// runs the named client's configuration (header parsing) each time. Renewing it keeps the factory's handler rotation
/// (and so DNS changes) working. HttpClient is safe for concurrent calls; an old instance is left to the GC, never
/// disposed, so calls still using it finish.
/// </summary>
internal sealed class HttpClientSource(IHttpClientFactory factory)
{
    private static readonly long RenewAfterMs = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private Entry? _current;

    public HttpClient Get()
    {
        var now = Environment.TickCount64;
        var current = Volatile.Read(ref _current);
        if (current is null || now >= current.RenewAt)
        {
            current = new Entry(factory.CreateClient(MyPayGaClientFactory.HttpClientName), now + RenewAfterMs);
            Volatile.Write(ref _current, current);
        }

        return current.Client;
    }

    private sealed record Entry(HttpClient Client, long RenewAt);
}
