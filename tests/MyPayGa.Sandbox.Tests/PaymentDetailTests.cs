using System.Text.Json;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class PaymentDetailTests : SandboxTestBase
{
    /// <summary>20:53:38 UTC is 21:53:38 in Libreville (UTC+1).</summary>
    private static readonly DateTimeOffset Now = new(2021, 5, 15, 20, 53, 38, TimeSpan.Zero);

    protected override SandboxOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.TimeProvider = new FixedTimeProvider(Now);
        return options;
    }

    private static readonly string[] PaymentFields =
    [
        "merchand_ref", "payment_token", "paymentMethod", "mobile_callback", "OrderStatus", "message_data",
        "totalAmount", "clientNumber", "orderDateTime", "pmt_banque", "last_4_digits", "nom_prenom_client",
        "frais_transaction", "montant_net", "final_status",
    ];

    [Test]
    public async Task Paid_mobile_payment_has_the_documented_shape_and_types()
    {
        var token = await CreatePaymentAsync(amount: 1500, uniqueId: "9745");
        await RequestMobileAsync(token, "074151522");
        var detail = await DetailAsync(token);

        Assert.That(Names(detail), Is.EqualTo(new[] { "payment", "code", "final_status", "merchand_ref", "environnement" }));
        Assert.That(S(detail, "code"), Is.EqualTo("200"));
        Assert.That(S(detail, "final_status"), Is.EqualTo("200"));
        Assert.That(S(detail, "merchand_ref"), Is.EqualTo("9745"));
        Assert.That(S(detail, "environnement"), Is.EqualTo("test"));

        Assert.That(detail.GetProperty("payment").GetArrayLength(), Is.EqualTo(1));
        var p = detail.GetProperty("payment")[0];
        Assert.That(Names(p), Is.EqualTo(PaymentFields));
        Assert.That(S(p, "merchand_ref"), Is.EqualTo("9745"));
        Assert.That(S(p, "payment_token"), Is.EqualTo(token));
        Assert.That(S(p, "paymentMethod"), Is.EqualTo("Mobile Money"));
        Assert.That(N(p, "mobile_callback"), Is.EqualTo(1));
        Assert.That(S(p, "OrderStatus"), Is.EqualTo("200"));
        Assert.That(S(p, "message_data"), Is.EqualTo("Success"));
        Assert.That(N(p, "totalAmount"), Is.EqualTo(1500));
        Assert.That(S(p, "clientNumber"), Is.EqualTo("074151522"));
        Assert.That(S(p, "orderDateTime"), Is.EqualTo("2021-05-15 21:53:38"));
        Assert.That(S(p, "pmt_banque"), Is.EqualTo("AM"));
        Assert.That(S(p, "last_4_digits"), Is.EqualTo("0000"));
        Assert.That(p.GetProperty("nom_prenom_client").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(N(p, "frais_transaction"), Is.EqualTo(26.25m), "1.75 % of 1500");
        Assert.That(N(p, "montant_net"), Is.EqualTo(1473.75m));
        Assert.That(S(p, "final_status"), Is.EqualTo("200"));
    }

    [Test]
    public async Task Fees_are_fractional_and_written_without_trailing_zeros()
    {
        var token = await CreatePaidPaymentAsync(amount: 144);
        var response = await GetAsync("/payment/paiement-detail", Params(("payment_ref", token), ("apikey", SecretKey)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("\"frais_transaction\":2.52,"));
        Assert.That(text, Does.Contain("\"montant_net\":141.48,"));
    }

    [Test]
    public async Task Pending_payment_reports_201_and_Pending()
    {
        var token = await CreatePaymentAsync();
        var detail = await DetailAsync(token);
        var p = detail.GetProperty("payment")[0];
        Assert.That(S(p, "OrderStatus"), Is.EqualTo("201"));
        Assert.That(S(p, "final_status"), Is.EqualTo("201"));
        Assert.That(S(p, "message_data"), Is.EqualTo("Pending"));
        Assert.That(N(p, "mobile_callback"), Is.EqualTo(0));
        Assert.That(S(detail, "final_status"), Is.EqualTo("201"));
        Assert.That(S(detail, "code"), Is.EqualTo("200"), "found");
    }

    [Test]
    public async Task Failed_mobile_payment_reports_400_and_Failed()
    {
        var token = await CreatePaymentAsync();
        await RequestMobileAsync(token, "650131313");
        var p = (await DetailAsync(token)).GetProperty("payment")[0];
        Assert.That(S(p, "OrderStatus"), Is.EqualTo("400"));
        Assert.That(S(p, "message_data"), Is.EqualTo("Failed"));
        Assert.That(S(p, "pmt_banque"), Is.EqualTo("OM"));
    }

    [Test]
    public async Task Unknown_token_is_the_404_shape()
    {
        var response = await GetAsync("/payment/paiement-detail", Params(("payment_ref", "nope"), ("apikey", SecretKey)));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"payment":[],"code":"404","final_status":"404","message":"Payment not found"}"""));
    }

    [Test]
    public async Task Missing_payment_ref_is_a_400()
    {
        var json = await GetJsonAsync("/payment/paiement-detail", Params(("apikey", SecretKey)));
        Assert.That(S(json, "code"), Is.EqualTo("400"));
        Assert.That(S(json, "message"), Does.Contain("payment_ref"));
    }
}
