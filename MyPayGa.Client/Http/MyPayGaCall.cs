using MyPayGa.Client.Wire;

namespace MyPayGa.Client.Http;

/// <summary>What the resilience handler needs to know about one call; travels in HttpRequestMessage.Options.</summary>
internal sealed class MyPayGaCall(Endpoint endpoint, TimeSpan attemptTimeout)
{
    public static readonly HttpRequestOptionsKey<MyPayGaCall> Key = new("MyPayGa.Call");

    public Endpoint Endpoint { get; } = endpoint;

    public TimeSpan AttemptTimeout { get; } = attemptTimeout;

    /// <summary>Attempts made so far (written by the handler).</summary>
    public int Attempts { get; set; }
}
