using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using MyPayGa.Client.Callbacks;
using Nop.Plugin.Payments.MyPayGa.Controllers;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Logging;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

[TestFixture]
public sealed class CallbackControllerTests
{
    private Mock<IMyPayGaCallbackHandler> _handler = null!;
    private Mock<ILogger> _logger = null!;
    private RawCallbackRequest? _received;

    [SetUp]
    public void SetUp()
    {
        _received = null;
        _handler = new Mock<IMyPayGaCallbackHandler>();
        _handler.Setup(h => h.HandleAsync(It.IsAny<RawCallbackRequest>(), It.IsAny<CancellationToken>()))
            .Callback((RawCallbackRequest request, CancellationToken _) => _received = request)
            .ReturnsAsync(new CallbackResult(200, "OK"));
        _logger = new Mock<ILogger>();
    }

    private MyPayGaCallbackController Controller(HttpContext context) => new(_handler.Object, _logger.Object)
    {
        ControllerContext = WebFakes.ControllerContext(context),
    };

    private static DefaultHttpContext Request(string method, string? contentType, byte[] body, string? query = null, bool sendLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        if (sendLength)
            context.Request.ContentLength = body.Length;
        if (query is not null)
            context.Request.QueryString = new QueryString(query);
        return context;
    }

    private static ContentResult AsText(IActionResult result)
    {
        Assert.That(result, Is.TypeOf<ContentResult>());
        var content = (ContentResult)result;
        Assert.That(content.ContentType, Does.StartWith("text/plain"));
        return content;
    }

    [Test]
    public async Task A_form_post_reaches_the_handler_intact()
    {
        const string body = "unique_id=1001-1&payment_token=tok_abc&order_status=200&message=Paiement+r%C3%A9ussi&hash=ab12";
        var context = Request("POST", "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(body), "?src=mypayga");
        context.Request.Headers["X-Request-Id"] = "r-1";

        var result = AsText(await Controller(context).Handle());

        Assert.That(result.StatusCode, Is.EqualTo(200));
        Assert.That(_received, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(_received!.Method, Is.EqualTo("POST"));
            Assert.That(_received.Body, Is.EqualTo(body));
            Assert.That(_received.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(_received.QueryString, Is.EqualTo("?src=mypayga"));
            Assert.That(_received.Headers["X-Request-Id"], Is.EqualTo("r-1"));
        });
    }

    [Test]
    public async Task A_json_post_reaches_the_handler_intact_with_its_accents()
    {
        const string body = "{\"payment_token\":\"tok_é\",\"message\":\"Votre PAIEMENT a été effectué\",\"amount\":12500}";
        var context = Request("POST", "application/json; charset=utf-8", Encoding.UTF8.GetBytes(body));

        await Controller(context).Handle();

        Assert.That(_received!.Body, Is.EqualTo(body));
        Assert.That(_received.ContentType, Is.EqualTo("application/json; charset=utf-8"));
    }

    [Test]
    public async Task A_get_callback_passes_its_query_string_and_an_empty_body()
    {
        var context = Request("GET", null, [], "?payment_token=tok_abc&order_status=400");

        await Controller(context).Handle();

        Assert.Multiple(() =>
        {
            Assert.That(_received!.Method, Is.EqualTo("GET"));
            Assert.That(_received.QueryString, Is.EqualTo("?payment_token=tok_abc&order_status=400"));
            Assert.That(_received.Body, Is.Empty);
        });
    }

    [Test]
    public async Task A_body_already_read_by_someone_else_is_rewound()
    {
        const string body = "payment_token=tok_abc&order_status=200";
        var context = Request("POST", "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(body));
        context.Request.Body.Seek(0, SeekOrigin.End);

        await Controller(context).Handle();

        Assert.That(_received!.Body, Is.EqualTo(body));
    }

    [Test]
    public async Task A_form_parsed_upstream_whose_body_is_gone_is_passed_as_its_fields()
    {
        var context = Request("POST", "application/x-www-form-urlencoded", [], sendLength: false);
        context.Request.Form = new FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["payment_token"] = "tok_abc",
            ["message"] = "Paiement réussi & validé",
        });

        await Controller(context).Handle();

        var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(_received!.Body);
        Assert.That(fields["payment_token"].ToString(), Is.EqualTo("tok_abc"));
        Assert.That(fields["message"].ToString(), Is.EqualTo("Paiement réussi & validé"));
    }

    [Test]
    public async Task A_body_announced_over_64_KiB_is_refused_without_reading_or_calling_the_handler()
    {
        var context = Request("POST", "application/json", [], sendLength: false);
        context.Request.ContentLength = MyPayGaCallbackController.MaxBodyBytes + 1;

        var result = AsText(await Controller(context).Handle());

        Assert.That(result.StatusCode, Is.EqualTo(StatusCodes.Status413PayloadTooLarge));
        _handler.Verify(h => h.HandleAsync(It.IsAny<RawCallbackRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_chunked_body_longer_than_64_KiB_is_refused_without_calling_the_handler()
    {
        var context = Request("POST", "application/x-www-form-urlencoded",
            Encoding.ASCII.GetBytes(new string('a', MyPayGaCallbackController.MaxBodyBytes + 10)), sendLength: false);

        var result = AsText(await Controller(context).Handle());

        Assert.That(result.StatusCode, Is.EqualTo(StatusCodes.Status413PayloadTooLarge));
        _handler.Verify(h => h.HandleAsync(It.IsAny<RawCallbackRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_body_of_exactly_64_KiB_is_still_read()
    {
        var body = new string('b', MyPayGaCallbackController.MaxBodyBytes);
        var context = Request("POST", "text/plain", Encoding.ASCII.GetBytes(body), sendLength: false);

        await Controller(context).Handle();

        Assert.That(_received!.Body, Has.Length.EqualTo(MyPayGaCallbackController.MaxBodyBytes));
    }

    [TestCase(200, "Payment recorded.")]
    [TestCase(202, "Already being processed.")]
    [TestCase(400, "No payment reference in the callback.")]
    [TestCase(401, "Invalid signature.")]
    [TestCase(404, "Unknown payment.")]
    [TestCase(503, "MyPayGa could not be reached; retry later.")]
    public async Task The_handlers_status_code_and_message_are_answered_as_plain_text(int status, string message)
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<RawCallbackRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CallbackResult(status, message));
        var context = Request("POST", "application/json", Encoding.UTF8.GetBytes("{}"));

        var result = AsText(await Controller(context).Handle());

        Assert.That(result.StatusCode, Is.EqualTo(status));
        Assert.That(result.Content, Is.EqualTo(message));
    }

    [Test]
    public async Task Binary_garbage_still_gets_the_handlers_answer_not_a_500()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<RawCallbackRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CallbackResult(400, "Unreadable callback."));
        var garbage = new byte[] { 0xff, 0xfe, 0x00, 0x81, 0xc3, 0x28, 0x7b };
        var context = Request("POST", "application/octet-stream", garbage);

        var result = AsText(await Controller(context).Handle());

        Assert.That(result.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task An_exception_in_the_handler_is_logged_and_answered_503_never_500()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<RawCallbackRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database is down"));
        var context = Request("POST", "application/json", Encoding.UTF8.GetBytes("{}"));

        var result = AsText(await Controller(context).Handle());

        Assert.That(result.StatusCode, Is.EqualTo(503));
        Assert.That(result.Content, Does.Not.Contain("database"));
        _logger.Verify(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<InvalidOperationException>(), null), Times.Once);
    }

    [Test]
    public async Task Cookies_and_credentials_are_not_passed_to_the_handler()
    {
        var context = Request("POST", "application/json", Encoding.UTF8.GetBytes("{}"));
        context.Request.Headers.Cookie = "Nop.Customer=abc";
        context.Request.Headers.Authorization = "Basic xyz";
        context.Request.Headers["X-Signature"] = "sig";

        await Controller(context).Handle();

        Assert.That(_received!.Headers.Keys, Has.None.EqualTo("Cookie").IgnoreCase.And.None.EqualTo("Authorization").IgnoreCase);
        Assert.That(_received.Headers["X-Signature"], Is.EqualTo("sig"));
    }

    [Test]
    public void The_callback_endpoint_takes_every_method_to_answer_405_itself_and_skips_antiforgery()
    {
        var method = typeof(MyPayGaCallbackController).GetMethod(nameof(MyPayGaCallbackController.Handle))!;
        var verbs = method.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute), true)
            .Cast<Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute>().SelectMany(a => a.HttpMethods);

        Assert.That(verbs, Is.Empty, "a verb constraint would let nopCommerce's slug routes answer 404 to a PUT");
        Assert.That(typeof(MyPayGaCallbackController).BaseType, Is.EqualTo(typeof(Controller)),
            "a plain Controller: none of nopCommerce's public-store filters");
        Assert.That(typeof(MyPayGaCallbackController).IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), true), Is.True);
    }
}
