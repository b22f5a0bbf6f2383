using MyPayGa.Sandbox.Domain;
using static MyPayGa.Sandbox.Pages.Html;

namespace MyPayGa.Sandbox.Pages;

/// <summary>
/// GET / — what the sandbox is and how to use it, with the test keys to paste in a store: the documented default
/// sandbox keys are shown; keys configured otherwise (Sandbox:SecretKey / Sandbox:PublicKey) are not repeated.
/// </summary>
internal static class HomePage
{
    public static IResult Render(MerchantSettings merchant, SandboxOptions options, string baseUrl)
    {
        var defaultKeys = options.SecretKey == SandboxOptions.DefaultSecretKey && options.PublicKey == SandboxOptions.DefaultPublicKey;
        var keys = defaultKeys
            ? $"""
              <p>Paste these <strong>test</strong> keys in the store (MyPayGa plugin configuration, environment
                 <strong>Test</strong>). They only work here: they are not MyPayGa keys.</p>
              <table>
                <tr><th>Secret key (every API call)</th><td><code id="secret-key">{E(options.SecretKey)}</code></td></tr>
                <tr><th>Public key (card form)</th><td><code id="public-key">{E(options.PublicKey)}</code></td></tr>
                <tr><th>API address (override)</th><td><code>{E(baseUrl)}</code></td></tr>
                <tr><th>Card form address (override)</th><td><code>{E(baseUrl)}mpgga-form-cbpay</code></td></tr>
              </table>
              <p class="muted">Production keys (<code>sprod_</code>, <code>pprod_</code>) are always refused.</p>
              """
            : """
              <p>This sandbox was started with its own test keys (<code>Sandbox:SecretKey</code> for API calls,
                 <code>Sandbox:PublicKey</code> for the card form); they are not repeated here. Production keys are
                 always refused.</p>
              """;

        var numbers = string.Join("\n", TestData.MobileNumbers.Select(n =>
            $"""      <tr><td><code>{E(n.Number)}</code></td><td class="{(n.Succeeds ? "ok" : "ko")}">{E(n.Code)} {E(n.Status)}</td><td>{E(n.Message)}</td><td>{E(n.Operator.Name)} ({E(n.Operator.Code)})</td></tr>"""));
        var cards = string.Join("\n", TestData.Cards.Select(c =>
            $"""      <tr><td><code>{E(c.Number)}</code></td><td class="{(c.Succeeds ? "ok" : "ko")}">{E(c.Status)}</td><td>{E(c.Message)}</td><td>{E(c.Brand)}</td></tr>"""));

        var body = $"""
              <p>This local simulator answers like MyPayGa's documented API (base URL: this server) so a store or the
                 API client can be tried end to end without a MyPayGa account. State lives in memory only.</p>
              <h2>Test keys</h2>
            {keys}
              <h2>Merchant settings</h2>
              <table>
                <tr><th>Merchant name</th><td>{E(merchant.MerchantName)}</td></tr>
                <tr><th>Callback URL</th><td>{E(merchant.CallbackUrl ?? "(none)")} — format {E(merchant.CallbackFormat.ToString().ToLowerInvariant())}, signed: {(merchant.CallbackSecret is null ? "no" : "yes")}</td></tr>
                <tr><th>Success URL</th><td>{E(merchant.SuccessUrl ?? "(none)")}</td></tr>
                <tr><th>Failure URL</th><td>{E(merchant.FailureUrl ?? "(none)")}</td></tr>
                <tr><th>Delays</th><td>outcome {merchant.OutcomeDelayMs} ms, callback {merchant.CallbackDelayMs} ms</td></tr>
              </table>
              <h2>Mobile money test numbers</h2>
              <p class="muted">+241 / 241 prefixes and spaces are accepted. Any other number is refused with
                 statusRequest "400" and the payment stays pending.</p>
              <table>
                <tr><th>Number</th><th>Outcome</th><th>Message</th><th>Operator</th></tr>
            {numbers}
              </table>
              <h2>Test cards</h2>
              <table>
                <tr><th>Number</th><th>Status text</th><th>Message</th><th>Brand</th></tr>
            {cards}
              </table>
              <h2>Control API (JSON, under <code>/_sandbox/</code>)</h2>
              <ul>
                <li><code>GET/PUT /_sandbox/merchant</code> — callback/success/failure URLs, callback format and secret, delays.</li>
                <li><code>POST /_sandbox/faults</code>, <code>GET</code>, <code>DELETE</code> — latency, http-error, timeout, malformed, empty, drop.</li>
                <li><code>POST /_sandbox/callbacks/{"{token}"}</code> — deliver a callback now (duplicates, forged status, bad hash).</li>
                <li><code>POST /_sandbox/payments/{"{token}"}/card</code>, <code>/complete</code>, <code>GET /_sandbox/payments/{"{token}"}</code>.</li>
                <li><code>GET /_sandbox/events</code> — the journal (keys redacted); <code>POST /_sandbox/reset</code>.</li>
              </ul>
            """;
        return Page("MyPayGa sandbox", body);
    }
}
