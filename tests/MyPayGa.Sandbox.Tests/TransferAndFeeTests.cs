using System.Text.RegularExpressions;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class TransferAndFeeTests : SandboxTestBase
{
    private async Task<string> SendAsync(string phone, string amount = "100")
    {
        var json = await PostQueryJsonAsync("/mpayment/sendClientTransfert", Params(("amount", amount),
            ("receiver_phone", phone), ("country", "GA"), ("apikey", SecretKey), ("type_clt", "client")));
        Assert.That(S(json, "statusRequest"), Is.EqualTo("200"), json.ToString());
        return S(json.GetProperty("transfert"), "transfert_id");
    }

    [Test]
    public async Task Send_transfer_has_the_documented_shape_with_amount_as_a_string()
    {
        var json = await PostQueryJsonAsync("/mpayment/sendClientTransfert", Params(("amount", "100"),
            ("receiver_phone", "074121212"), ("country", "GA"), ("apikey", SecretKey), ("type_clt", "client")));
        Assert.That(Names(json), Is.EqualTo(new[] { "message", "description", "statusRequest", "transfert" }));
        Assert.That(S(json, "message"), Is.EqualTo("Vous avez envoye 100 FCFA à 074121212."));
        Assert.That(S(json, "description"), Is.EqualTo("Balance Transfert to client"));
        var t = json.GetProperty("transfert");
        Assert.That(Names(t), Is.EqualTo(new[] { "transfert_status", "amount", "transfert_id", "country", "currency" }));
        Assert.That(S(t, "transfert_status"), Is.EqualTo("200"));
        Assert.That(S(t, "amount"), Is.EqualTo("100"), "a string, as documented");
        Assert.That(S(t, "transfert_id"), Does.Match(new Regex("^[A-Za-z0-9]{11}$")));
        Assert.That(S(t, "country"), Is.EqualTo("GA"));
        Assert.That(S(t, "currency"), Is.EqualTo("CFA"));
    }

    [Test]
    public async Task Form_body_works_for_transfers_too()
    {
        var json = await PostFormJsonAsync("/mpayment/sendClientTransfert", Params(("amount", "250"),
            ("receiver_phone", "074111111"), ("apikey", SecretKey)));
        Assert.That(S(json, "statusRequest"), Is.EqualTo("200"));
        Assert.That(S(json.GetProperty("transfert"), "country"), Is.EqualTo("GA"), "GA when not given");
    }

    [Test]
    public async Task Get_transfer_has_the_documented_shape_as_valid_json()
    {
        var id = await SendAsync("074121212", "23000");
        var json = await GetJsonAsync("/mpayment/getClientTransfert", Params(("trans_ref", id), ("apikey", SecretKey)));
        Assert.That(Names(json), Is.EqualTo(new[] { "status", "message", "data" }));
        Assert.That(S(json, "status"), Is.EqualTo("200"));
        Assert.That(S(json, "message"), Is.EqualTo("Transaction found"));
        var d = json.GetProperty("data")[0];
        Assert.That(Names(d), Is.EqualTo(new[]
        {
            "montant_demande", "statut_demande", "date_demande", "numero_de_compte", "description", "type_destinataire",
        }));
        Assert.That(S(d, "montant_demande"), Is.EqualTo("23000"));
        Assert.That(S(d, "statut_demande"), Is.EqualTo("Succès"));
        Assert.That(S(d, "date_demande"), Does.Match(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")));
        Assert.That(S(d, "numero_de_compte"), Is.EqualTo("074121212"));
        Assert.That(S(d, "description"), Is.EqualTo("Transfert client"));
        Assert.That(S(d, "type_destinataire"), Is.EqualTo("client"));
    }

    [TestCase("074131313")]
    [TestCase("650131313")]
    [TestCase("09306315")]
    public async Task Transfer_to_a_failing_test_number_is_stored_as_failed(string phone)
    {
        var id = await SendAsync(phone);
        var json = await GetJsonAsync("/mpayment/getClientTransfert", Params(("trans_ref", id), ("apikey", SecretKey)));
        Assert.That(S(json.GetProperty("data")[0], "statut_demande"), Is.EqualTo("Echec-solde ins."));
    }

    [Test]
    public async Task Unknown_transfer_is_reported_inside_http_200()
    {
        var json = await GetJsonAsync("/mpayment/getClientTransfert", Params(("trans_ref", "nope"), ("apikey", SecretKey)));
        Assert.That(S(json, "status"), Is.EqualTo("404"));
        Assert.That(json.GetProperty("data").GetArrayLength(), Is.Zero);
    }

    [TestCase("100.5")]
    [TestCase("-3")]
    public async Task Transfer_amount_must_be_whole_and_positive(string amount)
    {
        var json = await PostQueryJsonAsync("/mpayment/sendClientTransfert", Params(("amount", amount),
            ("receiver_phone", "074121212"), ("apikey", SecretKey)));
        Assert.That(S(json, "statusRequest"), Is.EqualTo("400"));
    }

    [TestCase("AM")]
    [TestCase("MC")]
    [TestCase("OM")]
    public async Task Fees_have_the_documented_shape_with_a_numeric_status(string ope)
    {
        var json = await GetJsonAsync("/mpayment/getFees", Params(("apikey", SecretKey), ("ope", ope), ("country", "GA")));
        Assert.That(Names(json), Is.EqualTo(new[] { "message", "statusRequest", "fees" }));
        Assert.That(S(json, "message"), Is.EqualTo("Request OK."));
        Assert.That(N(json, "statusRequest"), Is.EqualTo(200), "a number here");
        var f = json.GetProperty("fees");
        Assert.That(S(f, "merchand_custom_fees"), Is.EqualTo("0.0175"));
        Assert.That(S(f, "standard_fees"), Is.EqualTo("0.0175"));
        Assert.That(S(f, "platform_fees"), Is.EqualTo("0"));
        Assert.That(S(f, "bank_fees"), Is.EqualTo("0.01"));
        Assert.That(S(f, "fees_source"), Is.EqualTo("merchant"));
        Assert.That(S(f, "short_partner"), Is.EqualTo(ope));
        Assert.That(S(f, "cty_partner"), Is.EqualTo("GA"));
        Assert.That(S(f, "currency"), Is.EqualTo("CFA"));
    }

    [Test]
    public async Task Unknown_operator_is_a_numeric_400()
    {
        var json = await GetJsonAsync("/mpayment/getFees", Params(("apikey", SecretKey), ("ope", "XX"), ("country", "GA")));
        Assert.That(N(json, "statusRequest"), Is.EqualTo(400));
        Assert.That(S(json, "message"), Does.Contain("ope"));
    }
}
