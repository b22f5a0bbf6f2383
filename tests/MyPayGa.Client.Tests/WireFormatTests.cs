using MyPayGa.Client.Models;
using MyPayGa.Client.Tests.Infrastructure;
using MyPayGa.Client.Wire;

namespace MyPayGa.Client.Tests;

/// <summary>What goes on the wire, endpoint by endpoint, as the fake server receives it.</summary>
public sealed class WireFormatTests
{
    private const string Key = TestClient.SecretKey;
    private FakeMyPayGaServer _server = null!;
    private TestClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await FakeMyPayGaServer.StartAsync();
        _client = TestClient.Create(_server.BaseUrl);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [SetUp]
    public void Reset() => _server.Reset();

    public sealed record WireCase(
        string Endpoint, Func<IMyPayGaClient, Task> Call, string Method, string Path, string Encoding,
        (string Name, string Value)[] Parameters)
    {
        public override string ToString() => Endpoint;
    }

    public static IEnumerable<WireCase> Cases() =>
    [
        new("gethash", c => c.GetHashAsync(new GetHashRequest
            {
                Email = "client@gmail.com", FirstName = "Jacob", LastName = "Larry", UniqueId = "2345", Amount = 2400,
                Phone = "07000000", Description = "The purpose of the payment",
            }),
            "POST", "/payment/gethash", "Form",
            [("email", "client@gmail.com"), ("firstname", "Jacob"), ("lastname", "Larry"), ("uniqueID", "2345"), ("amount", "2400"),
             ("phone", "07000000"), ("description", "The purpose of the payment"), ("apikey", Key)]),
        new("payment-request", c => c.RequestMobilePaymentAsync(new MobilePaymentRequest
            {
                Email = "client-examle@mail.com", FirstName = "Client Fname", LastName = "Client Lname", PaymentToken = "wYtzohguhoeighlzY65lhsi",
                Amount = 100, ClientPhone = "074000000", Description = "Sample description",
            }),
            "POST", "/mpayment/payment-request", "Form",
            [("email", "client-examle@mail.com"), ("firstname", "Client Fname"), ("lastname", "Client Lname"), ("payment_token", "wYtzohguhoeighlzY65lhsi"),
             ("amount", "100"), ("client_phone", "074000000"), ("description", "Sample description"), ("apikey", Key)]),
        new("paiement-detail", c => c.GetPaymentDetailAsync("eI4zOJd5uE2W5qx7"),
            "GET", "/payment/paiement-detail", "Query",
            [("payment_ref", "eI4zOJd5uE2W5qx7"), ("apikey", Key)]),
        new("sendClientTransfert", c => c.SendClientTransferAsync(new ClientTransferRequest { Amount = 100, ReceiverPhone = "074111111" }),
            "POST", "/mpayment/sendClientTransfert", "Query",
            [("amount", "100"), ("receiver_phone", "074111111"), ("country", "GA"), ("apikey", Key), ("type_clt", "client")]),
        new("getClientTransfert", c => CatchInvalid(c.GetClientTransferAsync("184528Hp2bj")),
            "GET", "/mpayment/getClientTransfert", "Query",
            [("trans_ref", "184528Hp2bj"), ("apikey", Key)]),
        new("getFees", c => c.GetFeesAsync("AM"),
            "GET", "/mpayment/getFees", "Query",
            [("apikey", Key), ("ope", "AM"), ("country", "GA")]),
        new("refund/create", c => c.CreateRefundAsync(new CreateRefundRequest { PaymentToken = "xxx", Amount = 100, Description = "description" }),
            "POST", "/refund/create", "Query",
            [("apikey", Key), ("payment_token", "xxx"), ("amount", "100"), ("description", "description")]),
        new("refund/send", c => c.SendRefundAsync("rfd_123.IU3p"),
            "POST", "/refund/send", "Query",
            [("apikey", Key), ("refund_id", "rfd_123.IU3p")]),
        new("refund/infos", c => c.GetRefundAsync("rfd_16333.IJuU3p"),
            "GET", "/refund/infos", "Query",
            [("apikey", Key), ("refId", "rfd_16333.IJuU3p")]),
        new("generateLink", c => c.GenerateLinkAsync(new GenerateLinkRequest
            {
                FirstName = "Fname", LastName = "Lname", Email = "contact@gmail.com", Phone = "07488888", Amount = 1000, Description = "Test",
            }),
            "POST", "/payment/generateLink", "Query",
            [("firstname", "Fname"), ("lastname", "Lname"), ("email", "contact@gmail.com"), ("phone", "07488888"), ("amount", "1000"),
             ("description", "Test"), ("apikey", Key)]),
        new("getLink", c => c.GetLinkAsync("Re9W4HbO3aZr4A1cxy0v"),
            "POST", "/payment/getLink/Re9W4HbO3aZr4A1cxy0v", "Query",
            [("apikey", Key)]),
        new("linkCancel", c => c.CancelLinkAsync("Re9W4HbO3aZr4A1cxy0v"),
            "GET", "/payment/linkCancel/Re9W4HbO3aZr4A1cxy0v", "Query",
            [("apikey", Key)]),
    ];

    // getClientTransfert's documented answer is invalid JSON: the request is still what is checked here.
    private static async Task CatchInvalid(Task call)
    {
        try
        {
            await call;
        }
        catch (MyPayGaException e) when (e.Kind == MyPayGaErrorKind.InvalidResponse)
        {
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Endpoint_is_called_exactly_as_documented(WireCase wire)
    {
        await wire.Call(_client.Client);

        Assert.That(_server.Requests, Has.Count.EqualTo(1));
        var request = _server.Requests[0];
        var expected = wire.Parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(wire.Method));
            Assert.That(request.Path, Is.EqualTo(wire.Path));
            if (wire.Encoding == "Form")
            {
                Assert.That(request.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
                Assert.That(request.Form, Is.EqualTo(expected), "form body, in order");
                Assert.That(request.RawQuery, Is.Empty, "nothing in the URL");
            }
            else
            {
                Assert.That(request.Query, Is.EqualTo(expected), "query string, in order");
                Assert.That(request.Body, Is.Empty, "no body");
            }
        });
    }

    [Test]
    public void Wire_table_has_the_13_documented_endpoints_and_the_table_drives_the_tests()
    {
        Assert.That(WireFormat.All.Select(e => e.Name), Is.EqualTo(new[]
        {
            "gethash", "payment-request", "card-form", "paiement-detail", "sendClientTransfert", "getClientTransfert", "getFees",
            "refund/create", "refund/send", "refund/infos", "generateLink", "getLink", "linkCancel",
        }));
        var tested = Cases().Select(c => c.Endpoint).Append("card-form");
        Assert.That(tested, Is.EquivalentTo(WireFormat.All.Select(e => e.Name)));
        Assert.That(WireFormat.All, Has.All.Matches<Endpoint>(e => e.Parameters.Contains("apikey")));
    }

    [Test]
    public void Retry_classes_are_as_designed()
    {
        var reads = WireFormat.All.Where(e => e.Retry == RetryClass.Read).Select(e => e.Name);
        Assert.That(reads, Is.EquivalentTo(new[] { "paiement-detail", "getClientTransfert", "getFees", "refund/infos", "getLink" }));
        foreach (var never in new[] { WireFormat.PaymentRequest, WireFormat.SendRefund, WireFormat.SendClientTransfer })
        {
            Assert.That(never.Retry, Is.EqualTo(RetryClass.OnlyIfNotSent), never.Name);
        }
    }

    [Test]
    public void Card_form_is_described_with_the_public_key_and_no_call()
    {
        var form = _client.Client.DescribeCardForm("Cr83WMcojwcAnGjMB1U5cGCHY");

        Assert.That(form.Url, Is.EqualTo(new Uri(_server.BaseUrl, "mpgga-form-cbpay")));
        Assert.That(form.Fields, Is.EqualTo(new[]
        {
            new KeyValuePair<string, string>("payment_token", "Cr83WMcojwcAnGjMB1U5cGCHY"),
            new KeyValuePair<string, string>("apikey", TestClient.PublicKey),
        }));
        Assert.That(_server.Requests, Is.Empty);
    }

    [Test]
    public void Card_form_without_public_key_is_a_configuration_error()
    {
        var client = new MyPayGaClient(new SingleClientFactory(), TestClient.Account(_server.BaseUrl) with { PublicKey = null });

        var e = Assert.Throws<MyPayGaException>(() => client.DescribeCardForm("tok"));
        Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.Configuration));
        Assert.That(e.Endpoint, Is.EqualTo("card-form"));
    }

    [Test]
    public async Task Query_values_are_escaped()
    {
        const string tricky = "a&b=c+d é#?/%20";
        await _client.Client.SendClientTransferAsync(new ClientTransferRequest { Amount = 5, ReceiverPhone = tricky, Country = "G A" });

        var request = _server.Requests.Single();
        Assert.That(request.QueryValue("receiver_phone"), Is.EqualTo(tricky));
        Assert.That(request.QueryValue("country"), Is.EqualTo("G A"));
        Assert.That(request.Query.Select(q => q.Key), Is.EqualTo(new[] { "amount", "receiver_phone", "country", "apikey", "type_clt" }));
    }

    [Test]
    public async Task Form_values_are_escaped()
    {
        const string tricky = "Ça & là = 100% +plus";
        await _client.Client.GetHashAsync(new GetHashRequest
        {
            Email = "a+b@example.com",
            FirstName = tricky,
            LastName = "O'Neil",
            UniqueId = "42#1",
            Amount = 1,
            Phone = "074111111",
            Description = "x\ny",
        });

        var request = _server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.FormValue("firstname"), Is.EqualTo(tricky));
            Assert.That(request.FormValue("email"), Is.EqualTo("a+b@example.com"));
            Assert.That(request.FormValue("uniqueID"), Is.EqualTo("42#1"));
            Assert.That(request.FormValue("description"), Is.EqualTo("x\ny"));
        });
    }

    [Test]
    public async Task Path_reference_is_escaped_and_cannot_inject_a_query()
    {
        await _client.Client.GetLinkAsync("x/y?apikey=evil");

        var request = _server.Requests.Single();
        Assert.That(request.Path, Does.StartWith("/payment/getLink/x%2Fy"));
        Assert.That(request.Query.Select(q => q.Key), Is.EqualTo(new[] { "apikey" }));
        Assert.That(request.QueryValue("apikey"), Is.EqualTo(Key));
    }

    [Test]
    public async Task Base_url_with_a_path_keeps_its_path()
    {
        _server.Enqueue("sandbox/mpayment/getFees", Reply.Json(DocumentedResponses.GetFees));
        await using var client = TestClient.Create(new Uri(_server.BaseUrl, "sandbox"));
        await client.Client.GetFeesAsync("AM");

        Assert.That(_server.Requests.Single().Path, Is.EqualTo("/sandbox/mpayment/getFees"));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void Amounts_must_be_positive(long amount)
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.Client.CreateRefundAsync(
            new CreateRefundRequest { PaymentToken = "t", Amount = amount, Description = "d" }));
        Assert.That(_server.Requests, Is.Empty);
    }

    /// <summary>An IHttpClientFactory handing out plain clients (the card form needs none).</summary>
    private sealed class SingleClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
