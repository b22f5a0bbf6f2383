using MyPayGa.Sandbox.Domain;
using static MyPayGa.Sandbox.Pages.Html;

namespace MyPayGa.Sandbox.Pages;

/// <summary>The "bank" page standing in for MyPayGa's hosted card form.</summary>
internal static class CardFormPage
{
    public const string PayPath = "/mpgga-form-cbpay/pay";

    public static IResult Render(PaymentSnapshot payment, MerchantSettings merchant)
    {
        var rows = string.Join("\n", TestData.Cards.Select(c => $"""
                  <tr>
                    <td><code>{E(c.Number)}</code></td><td>{E(c.Brand)}</td>
                    <td class="{(c.Succeeds ? "ok" : "ko")}">{E(c.Status)}</td><td>{E(c.Message)}</td>
                    <td>
                      <form method="post" action="{PayPath}">
                        <input type="hidden" name="payment_token" value="{E(payment.Token)}">
                        <input type="hidden" name="card_number" value="{E(c.Number)}">
                        <button class="small" type="submit">Pay with this card</button>
                      </form>
                    </td>
                  </tr>
            """));

        var body = $"""
              <p>Merchant: <strong>{E(merchant.MerchantName)}</strong><br>
                 Amount: <strong id="amount">{payment.Amount} XAF</strong><br>
                 Order reference: <code>{E(payment.UniqueId)}</code><br>
                 {E(payment.Description)}</p>
              <form id="card-form" method="post" action="{PayPath}" autocomplete="off">
                <input type="hidden" name="payment_token" value="{E(payment.Token)}">
                <label for="card_number">Card number</label>
                <input id="card_number" name="card_number" inputmode="numeric" placeholder="4285 2209 2228 6457" required>
                <label for="expiry">Expiry (any future date)</label>
                <input id="expiry" name="expiry" placeholder="12/30">
                <label for="cvv">CVV (any 3 digits)</label>
                <input id="cvv" name="cvv" inputmode="numeric" placeholder="123">
                <div><button id="pay" type="submit">Pay {payment.Amount} XAF</button></div>
              </form>
              <h2>Test cards</h2>
              <p class="muted">The card number alone decides the outcome. Any other number is declined ("Refus Risk").</p>
              <table>
                <tr><th>Number</th><th>Brand</th><th>Status</th><th>Message</th><th></th></tr>
            {rows}
              </table>
            """;
        return Page("Card payment", body);
    }

    /// <summary>Shown instead of a redirect when the merchant has no success/failure URL.</summary>
    public static IResult Outcome(CardOutcome outcome) => Page("Card payment result", $"""
              <p class="{(outcome.Card.Succeeds ? "ok" : "ko")}"><strong>{E(outcome.Card.Status)}</strong> — {E(outcome.Card.Message)}</p>
              <p class="muted">No {(outcome.Card.Succeeds ? "success" : "failure")} URL is configured for this merchant,
                 so the sandbox shows the result itself. Set <code>SuccessUrl</code> / <code>FailureUrl</code>
                 (configuration or <code>PUT /_sandbox/merchant</code>) to be redirected back to the store.</p>
            """);
}
