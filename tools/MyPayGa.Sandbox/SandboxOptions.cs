namespace MyPayGa.Sandbox;

/// <summary>How the sandbox posts a payment's final status to the merchant (MyPayGa does not document it).</summary>
public enum CallbackFormat
{
    /// <summary>POST, application/x-www-form-urlencoded.</summary>
    Form,
    /// <summary>POST, application/json (every value a string).</summary>
    Json,
    /// <summary>GET, fields in the query string.</summary>
    Query,
}

/// <summary>What the card form appends to the merchant's success/failure URL (undocumented by MyPayGa).</summary>
public enum ReturnQueryMode
{
    None,
    /// <summary>payment_token only.</summary>
    Token,
    /// <summary>payment_token, unique_id and status.</summary>
    Full,
}

/// <summary>
/// Start-up options (configuration section "Sandbox"). The merchant part can be changed at run time
/// through <c>/_sandbox/merchant</c> or <see cref="SandboxServer.ConfigureMerchant"/>.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";
    public const string DefaultSecretKey = "stest_sandbox_secret_key";
    public const string DefaultPublicKey = "ptest_sandbox_public_key";

    public string SecretKey { get; set; } = DefaultSecretKey;
    public string PublicKey { get; set; } = DefaultPublicKey;
    public string MerchantName { get; set; } = "Sandbox Shop";

    /// <summary>Where final statuses are posted; loopback hosts only.</summary>
    public string? CallbackUrl { get; set; }
    public string? SuccessUrl { get; set; }
    public string? FailureUrl { get; set; }
    public CallbackFormat CallbackFormat { get; set; } = CallbackFormat.Form;

    /// <summary>When set, callbacks carry <c>hash</c> = hex HMAC-SHA512 keyed with this secret.</summary>
    public string? CallbackSecret { get; set; }

    /// <summary>Time between payment-request and the final status. 0 = at once; negative = never (use the control API).</summary>
    public int OutcomeDelayMs { get; set; } = 2000;

    /// <summary>Time between the final status and the callback.</summary>
    public int CallbackDelayMs { get; set; } = 500;

    /// <summary>Extra attempts after a failed callback delivery.</summary>
    public int CallbackRetries { get; set; } = 3;

    /// <summary>Wait before retry n is n × this value.</summary>
    public int CallbackRetryBackoffMs { get; set; } = 250;

    /// <summary>Per-attempt timeout of a callback delivery.</summary>
    public int CallbackTimeoutMs { get; set; } = 10_000;

    public ReturnQueryMode ReturnQuery { get; set; } = ReturnQueryMode.None;

    /// <summary>
    /// Base URL used in payment-link URLs. Empty: the scheme and host of the request that created the link.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Kept journal entries (oldest dropped first).</summary>
    public int JournalCapacity { get; set; } = 10_000;

    /// <summary>Clock for dates and delays; tests may pass their own. Not bound from configuration.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Console logging of the sandbox's own events (redacted). Off by default in-process.</summary>
    public bool ConsoleLogging { get; set; }

    public SandboxOptions Clone() => (SandboxOptions)MemberwiseClone();
}
