namespace MyPayGa.Client;

/// <summary>
/// Retry, timeout and size settings shared by every MyPayGa call (the per-attempt timeout is per account:
/// <see cref="MyPayGaAccount.Timeout"/>). Configure with <c>services.Configure&lt;MyPayGaResilienceOptions&gt;(...)</c>.
/// </summary>
public sealed class MyPayGaResilienceOptions
{
    /// <summary>The default <see cref="MaxResponseBytes"/>: 256 KiB. MyPayGa's answers are a few KB.</summary>
    public const int DefaultMaxResponseBytes = 256 * 1024;

    /// <summary>Retries after the first attempt (reads on transient failures, any call when nothing left). 0 disables.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First delay of the exponential backoff (doubles each retry). Zero in tests.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Randomise delays so that many stores do not retry in step.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Budget of one call, all attempts and delays included (never less than the account's attempt timeout).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Clock of the delays and timeouts (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Most bytes of a response body read (default 256 KiB; values under 1 KiB count as 1 KiB). Reading stops there:
    /// a longer 2xx answer is an <see cref="MyPayGaErrorKind.InvalidResponse"/> (outcome unknown), a longer error page
    /// keeps its HTTP error and an excerpt.
    /// </summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    internal int EffectiveMaxResponseBytes => Math.Max(MaxResponseBytes, 1024);
}
