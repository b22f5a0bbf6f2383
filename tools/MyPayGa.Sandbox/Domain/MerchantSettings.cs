namespace MyPayGa.Sandbox.Domain;

/// <summary>What a merchant declares in MyPayGa's dashboard, plus the sandbox's timing knobs. Changeable at run time.</summary>
public sealed record MerchantSettings
{
    public required string MerchantName { get; init; }
    public string? CallbackUrl { get; init; }
    public string? SuccessUrl { get; init; }
    public string? FailureUrl { get; init; }
    public CallbackFormat CallbackFormat { get; init; }
    public string? CallbackSecret { get; init; }
    public int OutcomeDelayMs { get; init; }
    public int CallbackDelayMs { get; init; }
    public int CallbackRetries { get; init; }
    public int CallbackRetryBackoffMs { get; init; }
    public int CallbackTimeoutMs { get; init; }
    public ReturnQueryMode ReturnQuery { get; init; }

    public static MerchantSettings FromOptions(SandboxOptions o) => new()
    {
        MerchantName = string.IsNullOrWhiteSpace(o.MerchantName) ? "Sandbox Shop" : o.MerchantName,
        CallbackUrl = Blank(o.CallbackUrl),
        SuccessUrl = Blank(o.SuccessUrl),
        FailureUrl = Blank(o.FailureUrl),
        CallbackFormat = o.CallbackFormat,
        CallbackSecret = Blank(o.CallbackSecret),
        OutcomeDelayMs = o.OutcomeDelayMs,
        CallbackDelayMs = Math.Max(0, o.CallbackDelayMs),
        CallbackRetries = Math.Clamp(o.CallbackRetries, 0, 10),
        CallbackRetryBackoffMs = Math.Max(0, o.CallbackRetryBackoffMs),
        CallbackTimeoutMs = o.CallbackTimeoutMs <= 0 ? 10_000 : o.CallbackTimeoutMs,
        ReturnQuery = o.ReturnQuery,
    };

    // The secret stays out of ToString (test output, logs).
    public override string ToString() =>
        $"MerchantSettings {{ MerchantName = {MerchantName}, CallbackUrl = {CallbackUrl}, SuccessUrl = {SuccessUrl}, " +
        $"FailureUrl = {FailureUrl}, CallbackFormat = {CallbackFormat}, CallbackSecret = {(CallbackSecret is null ? "(none)" : "(set)")}, " +
        $"OutcomeDelayMs = {OutcomeDelayMs}, CallbackDelayMs = {CallbackDelayMs}, ReturnQuery = {ReturnQuery} }}";

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Holds the current <see cref="MerchantSettings"/>; replaced atomically.</summary>
internal sealed class MerchantConfig(SandboxOptions options)
{
    private MerchantSettings _current = MerchantSettings.FromOptions(options);

    public MerchantSettings Current => Volatile.Read(ref _current);

    public MerchantSettings Update(Func<MerchantSettings, MerchantSettings> change)
    {
        while (true)
        {
            var before = Current;
            var after = change(before);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, after, before), before))
            {
                return after;
            }
        }
    }

    public void Reset() => Volatile.Write(ref _current, MerchantSettings.FromOptions(options));
}
