namespace MyPayGa.Client;

/// <summary>
/// One merchant account's credentials and endpoints. A store may have several (one per nopCommerce store),
/// so every client is created for an account (see <see cref="IMyPayGaClientFactory"/>).
/// </summary>
public sealed record MyPayGaAccount
{
    public const string DefaultApiBaseUrl = "https://api.mypayga.com/";
    public const string DefaultCardFormUrl = "https://www.mypayga.com/mpgga-form-cbpay";

    /// <summary>Test or production; must agree with the key prefixes (checked by <see cref="Validate"/>).</summary>
    public MyPayGaEnvironment Environment { get; init; } = MyPayGaEnvironment.Test;

    /// <summary>Secret key (<c>stest_…</c> / <c>sprod_…</c>), used server side for every API call. Never logged.</summary>
    public required string SecretKey { get; init; }

    /// <summary>Public key (<c>ptest_…</c> / <c>pprod_…</c>), posted by the shopper's browser to the card form.</summary>
    public string? PublicKey { get; init; }

    /// <summary>Base URL of the API (the sandbox's URL in tests and trials).</summary>
    public Uri ApiBaseUrl { get; init; } = new(DefaultApiBaseUrl);

    /// <summary>Absolute URL of the hosted card form the browser posts to.</summary>
    public Uri CardFormUrl { get; init; } = new(DefaultCardFormUrl);

    /// <summary>Secret used to verify the optional HMAC-SHA512 <c>hash</c> of callbacks; null = not verified.</summary>
    public string? CallbackSecret { get; init; }

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Returns the configuration problems of this account (empty when usable): missing keys, a key whose
    /// prefix says another environment than <see cref="Environment"/>, a relative URL. Messages never contain a key.
    /// </summary>
    public IReadOnlyList<string> Validate() => MyPayGaAccountValidator.Validate(this);

    /// <summary>Never prints the keys.</summary>
    public override string ToString() =>
        $"MyPayGaAccount {{ Environment = {Environment}, ApiBaseUrl = {ApiBaseUrl}, SecretKey = {KeyRedactor.Describe(SecretKey)}, PublicKey = {KeyRedactor.Describe(PublicKey)} }}";
}
