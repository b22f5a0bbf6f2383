using MyPayGa.Sandbox.Domain;
using static MyPayGa.Sandbox.Pages.Html;

namespace MyPayGa.Sandbox.Pages;

/// <summary>The page behind a payment link's url: pay it with a mobile-money test number.</summary>
internal static class SharedLinkPage
{
    public const string Path = "/payment/sharedLink/pay";

    public static IResult Render(LinkSnapshot link, MerchantSettings merchant, string? error = null)
    {
        var state = link.Paid
            ? """<p class="ok"><strong>This link is paid.</strong></p>"""
            : link.Expired
                ? """<p class="ko"><strong>This link has expired.</strong></p>"""
                : $"""
                  <form method="post" action="{Path}">
                    <input type="hidden" name="token_url" value="{E(link.Token)}">
                    <label for="phone">Mobile money number</label>
                    <input id="phone" name="phone" value="{E(link.Phone)}" placeholder="074111111" required>
                    <div><button id="pay" type="submit">Pay {link.Amount} XAF</button></div>
                  </form>
                  <p class="muted">Use a test number from the <a href="/">sandbox home page</a>.</p>
                  """;
        var errorHtml = error is null ? "" : $"""<p class="ko">{E(error)}</p>""";
        return Page("Payment link", $"""
              <p>Merchant: <strong>{E(merchant.MerchantName)}</strong><br>
                 Amount: <strong>{link.Amount} XAF</strong><br>
                 Reference: <code>{E(link.OrderRef)}</code><br>
                 {E(link.Description)}</p>
              {errorHtml}
              {state}
            """);
    }

    public static IResult Requested(MobileRequestAccepted accepted, MerchantSettings merchant)
    {
        var when = merchant.OutcomeDelayMs switch
        {
            0 => "at once",
            < 0 => "when the control API says so",
            var ms => $"in {ms} ms",
        };
        var back = $"{Path}?token_url={Uri.EscapeDataString(accepted.Payment.LinkToken ?? "")}";
        return Page("Payment link", $"""
              <p>Request sent to <code>{E(accepted.Payment.ClientPhone)}</code>. Please wait.</p>
              <p class="muted">The sandbox settles it {E(when)} by the test data table
                 (payment token <code>{E(accepted.Payment.Token)}</code>).</p>
              <p><a id="back" href="{E(back)}">Back to the link</a></p>
            """);
    }
}
