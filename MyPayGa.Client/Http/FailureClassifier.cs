using System.Net.Sockets;
using Polly.Timeout;

namespace MyPayGa.Client.Http;

/// <summary>Which transport failures mean "the request never left" and which mean "it may have arrived".</summary>
internal static class FailureClassifier
{
    /// <summary>The connection could not be established: nothing was sent, repeating is safe for any endpoint.</summary>
    public static bool IsConnectFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError or HttpRequestError.SecureConnectionError })
            {
                return true;
            }

            // Errors that only happen while connecting.
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound or SocketError.AddressNotAvailable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A failure after the request may have left, worth repeating only for reads.</summary>
    public static bool IsTransientAfterSend(Exception exception) =>
        exception is TimeoutRejectedException or HttpRequestException or IOException;

    public static bool IsTransientStatus(int status) => status >= 500 || status is 408 or 429;
}
