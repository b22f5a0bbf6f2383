using MyPayGa.Client.Models;
using MyPayGa.Client.Tests.Infrastructure;

namespace MyPayGa.Client.Tests;

/// <summary>Every documented example response, served verbatim, read into the records.</summary>
public sealed class ResponseParsingTests
{
    private FakeMyPayGaServer _server = null!;
    private TestClient _client = null!;
    private IMyPayGaClient Client => _client.Client;

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

    private static GetHashRequest HashRequest => new()
    {
        Email = "m@m.com",
        FirstName = "Fname",
        LastName = "Lname",
        UniqueId = "1234A",
        Amount = 1500,
        Phone = "07000000",
        Description = "Description test",
    };

    [Test]
    public async Task GetHash()
    {
        var r = await Client.GetHashAsync(HashRequest);

        Assert.Multiple(() =>
        {
            Assert.That(r.Code.IsSuccess, Is.True);
            Assert.That(r.Message, Is.EqualTo("References created successfully"));
            Assert.That(r.Hash, Is.EqualTo("797cb06dacec43b4861a4637759653a2cb126f4f2f4d3d4c4913edadb583a05bf1029"));
            Assert.That(r.PaymentToken, Is.EqualTo("Cr83WMcojwcAnGjMB1U5cGCHY"));
            Assert.That(r.UniqueId, Is.EqualTo("1234A"));
        });
    }

    [Test]
    public async Task PaymentRequest()
    {
        var r = await Client.RequestMobilePaymentAsync(new MobilePaymentRequest
        {
            Email = "e@x.com",
            FirstName = "F",
            LastName = "L",
            PaymentToken = "wYtzohguhoeighlzY65lhsi",
            Amount = 100,
            ClientPhone = "074111111",
            Description = "D",
        });

        Assert.Multiple(() =>
        {
            Assert.That(r.StatusRequest.IsSuccess, Is.True);
            Assert.That(r.Message, Is.EqualTo("Request Sent.Please Wait."));
            Assert.That(r.PaymentToken, Is.EqualTo("eagE7x1884MLgyj9MqIAAy4yb"));
            Assert.That(r.Description, Is.EqualTo("Paiement - MTECH"));
            Assert.That(r.Transaction, Is.EqualTo(new MobilePaymentTransaction { Amount = 100m, Country = "GA", Currency = "CFA", Id = "1131AJS" }));
        });
    }

    [Test]
    public async Task PaymentDetail()
    {
        var r = await Client.GetPaymentDetailAsync("eI4zUOJd5uE2W5qx7Em1HOTr00lev7rvt6E");

        Assert.Multiple(() =>
        {
            Assert.That(r.Code.IsSuccess, Is.True);
            Assert.That(r.FinalStatus.Raw, Is.EqualTo("200"));
            Assert.That(r.MerchantRef, Is.EqualTo("9745"));
            Assert.That(r.Environment, Is.EqualTo("production"));
            Assert.That(r.Payments, Has.Count.EqualTo(1));
        });
        var p = r.Find("eI4zUOJd5uE2W5qx7Em1HOTr00lev7rvt6E");
        Assert.That(p, Is.EqualTo(new PaymentDetail
        {
            MerchantRef = "9745",
            PaymentToken = "eI4zUOJd5uE2W5qx7Em1HOTr00lev7rvt6E",
            PaymentMethod = "Mobile Money",
            MobileCallback = 1,
            OrderStatus = new MyPayGaStatus("200"),
            MessageData = "Success",
            TotalAmount = 144m,
            ClientNumber = "074151522",
            OrderDateTime = "2021-05-15 21:53:38",
            PaymentBank = "AM",
            Last4Digits = "0000",
            CustomerName = null,
            TransactionFees = 154.032m,
            NetAmount = -10.03m,
            FinalStatus = new MyPayGaStatus("200"),
        }));
        Assert.That(p!.Outcome, Is.EqualTo(PaymentOutcome.Paid));
    }

    [Test]
    public async Task SendClientTransfer()
    {
        var r = await Client.SendClientTransferAsync(new ClientTransferRequest { Amount = 100, ReceiverPhone = "074111111" });

        Assert.Multiple(() =>
        {
            Assert.That(r.StatusRequest.IsSuccess, Is.True);
            Assert.That(r.Message, Is.EqualTo("Vous avez envoye 100 FCFA à 074XXXXX."));
            Assert.That(r.Description, Is.EqualTo("Balance Transfert to client"));
            Assert.That(r.Transfer, Is.EqualTo(new ClientTransfer
            {
                TransferStatus = new MyPayGaStatus("200"),
                Amount = 100m,
                TransferId = "16sI2OpZHGZ",
                Country = "GA",
                Currency = "CFA",
            }));
        });
    }

    [Test]
    public void GetClientTransfer_documented_answer_is_invalid_json_and_says_so()
    {
        var e = Assert.ThrowsAsync<MyPayGaException>(() => Client.GetClientTransferAsync("184528Hp2bj"));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Kind, Is.EqualTo(MyPayGaErrorKind.InvalidResponse));
            Assert.That(e.Endpoint, Is.EqualTo("getClientTransfert"));
            Assert.That(e.HttpStatus, Is.EqualTo(200));
            Assert.That(e.RawBody, Is.EqualTo(DocumentedResponses.GetClientTransfer), "raw body kept");
            Assert.That(e.Message, Does.Contain("not valid JSON"));
        });
    }

    [Test]
    public async Task GetClientTransfer_with_the_string_terminated()
    {
        _server.Enqueue("mpayment/getClientTransfert",
            Reply.Json(DocumentedResponses.GetClientTransfer.Replace("\"074654326,", "\"074654326\",", StringComparison.Ordinal)));

        var r = await Client.GetClientTransferAsync("184528Hp2bj");

        Assert.Multiple(() =>
        {
            Assert.That(r.Status.IsSuccess, Is.True);
            Assert.That(r.Message, Is.EqualTo("Transaction found"));
            Assert.That(r.Data, Is.EqualTo(new[]
            {
                new ClientTransferStatus
                {
                    RequestedAmount = 23000m, Status = "Echec-solde ins.", RequestDate = "2021-11-05 13:20:52", AccountNumber = "074654326",
                    Description = "Transfert client", RecipientType = "client",
                },
            }));
        });
    }

    [Test]
    public async Task GetFees()
    {
        var r = await Client.GetFeesAsync("AM");

        Assert.Multiple(() =>
        {
            Assert.That(r.StatusRequest.Raw, Is.EqualTo("200"), "a number in this answer");
            Assert.That(r.Message, Is.EqualTo("Request OK."));
            Assert.That(r.Fees, Is.EqualTo(new Fees
            {
                MerchantCustomFees = 0.0175m,
                StandardFees = 0.0175m,
                PlatformFees = 0m,
                BankFees = 0.01m,
                FeesSource = "merchant",
                Partner = "AM",
                PartnerCountry = "GA",
                Currency = "CFA",
            }));
        });
    }

    [Test]
    public async Task CreateRefund()
    {
        var r = await Client.CreateRefundAsync(new CreateRefundRequest { PaymentToken = "xxx", Amount = 100, Description = "description" });

        Assert.That(r, Is.EqualTo(new CreateRefundResponse
        {
            StatusRequest = new MyPayGaStatus("200"),
            Message = "Refund created",
            TotalAmount = 100m,
            ClientNumber = "07700000",
            TransactionFees = 2.75m,
            UpdatedFees = 0m,
            RefundId = "rfd_165533.IzkknzlJuU3p",
        }));
    }

    [Test]
    public async Task SendRefund_despite_the_documented_trailing_comma()
    {
        var r = await Client.SendRefundAsync("rfd_123.IU3p");

        Assert.That(r, Is.EqualTo(new SendRefundResponse
        {
            RefundStatus = new MyPayGaStatus("200"),
            Message = "Refund OK.",
            RefundId = "rfd_16333.ICJ53p",
        }));
    }

    [Test]
    public async Task RefundInfo()
    {
        var r = await Client.GetRefundAsync("rfd_16333.IJuU3p");

        Assert.Multiple(() =>
        {
            Assert.That(r.StatusRequest.IsSuccess, Is.True);
            Assert.That(r.Message, Is.EqualTo("Refund found"));
            Assert.That(r.Exists, Is.True, "exists: 1");
            Assert.That(r.Refund, Is.EqualTo(new RefundInfo
            {
                OrderAmount = 100m,
                Amount = 100m,
                Status = new MyPayGaStatus("200"),
                RequestDate = "2021-12-07 23:05:33",
                OperationDate = "2021-12-07 23:05:43",
                PaymentMethod = "Airtel Money",
                RefundType = "TO",
                RefundId = "rfd_16333.IVU3p",
                Message = "Remboursement en attente de validation.",
                Description = "description",
            }));
        });
    }

    [Test]
    public async Task GenerateLink()
    {
        var r = await Client.GenerateLinkAsync(new GenerateLinkRequest
        {
            FirstName = "Fname",
            LastName = "Lname",
            Email = "contact@gmail.com",
            Phone = "074111111",
            Amount = 1000,
            Description = "Test",
        });

        Assert.Multiple(() =>
        {
            Assert.That(r.Code.Raw, Is.EqualTo("200"), "a number in this answer");
            Assert.That(r.Message, Is.EqualTo("Link created"));
            Assert.That(r.CreatedAt, Is.Null);
            Assert.That(r.Link, Is.EqualTo(new PaymentLink
            {
                Reference = "s-8mpfjiSj",
                Description = "Test lien API",
                Email = "contact@gmail.com",
                Phone = "074101112",
                Expired = false,
                Paid = false,
                FinalStatus = default,
                Url = new Uri("https://mypayga.com/payment/sharedLink/pay?token_url=spjzioguifKmzsaFjNYliv"),
            }));
        });
    }

    [Test]
    public async Task GetLink()
    {
        var r = await Client.GetLinkAsync("Re9W4HbO3aZr4A1cxy0v");

        Assert.Multiple(() =>
        {
            Assert.That(r.Code.Raw, Is.Null, "getLink has no code");
            Assert.That(r.Message, Is.EqualTo("Link created"));
            Assert.That(r.CreatedAt, Is.EqualTo("2021-11-18 22:20:17"));
            Assert.That(r.Link, Is.EqualTo(new PaymentLink
            {
                Reference = "Re9W4HbO3aZr4A1cxy0v",
                Description = "Test lien API",
                Email = "contact@minerve-tech.com",
                Phone = "074112233",
                Expired = false,
                Paid = null,
                FinalStatus = new MyPayGaStatus("400"),
                Url = new Uri("https://mypayga.com/payment/sharedLink/pay?token_url=Re9W4HbO3aZr4A1cxy0v"),
            }));
        });
    }

    [Test]
    public async Task CancelLink()
    {
        var r = await Client.CancelLinkAsync("Re9W4HbO3aZr4A1cxy0v");

        Assert.That(r, Is.EqualTo(new CancelLinkResponse
        {
            Code = new MyPayGaStatus("200"),
            Message = "Link updated : Changed to Expired",
            LinkReference = "Re9W4HbO3aZr4A1cxy0v",
        }));
    }
}
