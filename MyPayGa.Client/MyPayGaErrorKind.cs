namespace MyPayGa.Client;

public enum MyPayGaErrorKind
{
    /// <summary>The account is not usable (missing key, environment/key mismatch). Nothing was sent.</summary>
    Configuration,
    /// <summary>The connection could not be made; the request never left. Safe to repeat.</summary>
    ConnectionFailed,
    /// <summary>No answer in time; the request may or may not have been processed by MyPayGa.</summary>
    Timeout,
    /// <summary>The connection broke after the request was sent; the outcome is unknown.</summary>
    ConnectionLost,
    /// <summary>An HTTP status other than 2xx (e.g. 401 wrong key, 5xx outage).</summary>
    HttpError,
    /// <summary>HTTP 2xx but the body is empty or not parseable JSON of the expected shape.</summary>
    InvalidResponse,
    /// <summary>MyPayGa answered with a failure status inside the body ("400" or unknown) for a command.</summary>
    Rejected,
}
