using MyPayGa.Client.Wire;

namespace MyPayGa.Client.Http;

/// <summary>
/// The request of one client call, carrying what the resilience handler needs (endpoint, attempt timeout, body cap)
/// and what it reports back (attempts). A subclass rather than <see cref="HttpRequestMessage.Options"/>: no dictionary
/// per call.
/// </summary>
internal sealed class MyPayGaRequestMessage(Endpoint endpoint, Uri uri, TimeSpan attemptTimeout, int maxResponseBytes)
    : HttpRequestMessage(endpoint.Method, uri)
{
    public Endpoint Endpoint { get; } = endpoint;

    public TimeSpan AttemptTimeout { get; } = attemptTimeout;

    /// <summary>Bytes of body kept; a longer body is cut there and marked <see cref="BufferedBody.Truncated"/>.</summary>
    public int MaxResponseBytes { get; } = maxResponseBytes;

    /// <summary>Attempts made so far (written by the handler).</summary>
    public int Attempts { get; set; }

    /// <summary>When the call's total budget ends, in <see cref="TimeProvider.GetTimestamp"/> ticks (written by the handler).</summary>
    public long Deadline { get; set; }
}
