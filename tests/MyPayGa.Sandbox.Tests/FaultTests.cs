using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using MyPayGa.Sandbox.Control;
using MyPayGa.Sandbox.Domain;
using MyPayGa.Sandbox.Tests.Infrastructure;

namespace MyPayGa.Sandbox.Tests;

public sealed class FaultTests : SandboxTestBase
{
    private Task<HttpResponseMessage> GetHashAsync() => PostFormAsync("/payment/gethash", HashParams());

    [Test]
    public async Task Latency_delays_then_answers_normally()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/gethash", Kind = FaultKind.Latency, DelayMs = 300 });
        var watch = Stopwatch.StartNew();
        var json = await JsonAsync(await GetHashAsync());
        Assert.That(watch.ElapsedMilliseconds, Is.GreaterThanOrEqualTo(280));
        Assert.That(S(json, "code"), Is.EqualTo("200"));
        Assert.That(Sandbox.Faults, Is.Empty, "count 1 is used up");
    }

    [Test]
    public async Task Http_error_answers_the_status_with_an_html_body_and_does_nothing()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/gethash", Kind = FaultKind.HttpError, StatusCode = 503 });
        var response = await GetHashAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("503 Service Unavailable"));
        Assert.That(Sandbox.Payments, Is.Empty);
    }

    [Test]
    public async Task Count_says_how_many_requests_are_hit()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/gethash", Kind = FaultKind.HttpError, StatusCode = 502, Count = 2 });
        Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Count_minus_one_lasts_until_cleared()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/gethash", Kind = FaultKind.HttpError, Count = -1 });
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        Sandbox.ClearFaults();
        Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Faults_only_hit_their_endpoint()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/refund/create", Kind = FaultKind.HttpError });
        Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Sandbox.Faults, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Endpoint_prefix_matches_paths_with_a_reference()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/getLink", Kind = FaultKind.HttpError });
        var response = await PostQueryAsync("/payment/getLink/s-abcdefgh", Params(("apikey", SecretKey)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Timeout_holds_the_request_until_the_client_gives_up()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/paiement-detail", Kind = FaultKind.Timeout });
        using var impatient = new HttpClient { BaseAddress = Sandbox.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300) };
        Assert.That(async () => await impatient.GetAsync("/payment/paiement-detail?payment_ref=x&apikey=" + SecretKey),
            Throws.InstanceOf<TaskCanceledException>());

        // The sandbox notices the abandoned request and journals it.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!Sandbox.Events().Any(e => e.Path == "/payment/paiement-detail") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        var entry = Sandbox.Events().Single(e => e.Path == "/payment/paiement-detail");
        Assert.That(entry.Faults!.Single(), Does.StartWith("timeout"));
        Assert.That(entry.Note, Does.Contain("aborted"));
    }

    [Test]
    public async Task Timeout_with_a_short_hold_ends_in_a_504()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "*", Kind = FaultKind.Timeout, DelayMs = 100 });
        var response = await GetHashAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
    }

    [Test]
    public async Task Malformed_answers_a_truncated_json_body()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/gethash", Kind = FaultKind.Malformed });
        var response = await GetHashAsync();
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.StartWith("{"));
        Assert.That(() => JsonDocument.Parse(body), Throws.InstanceOf<JsonException>());
        Assert.That(Sandbox.Payments, Is.Empty);
    }

    [Test]
    public async Task Malformed_after_the_endpoint_ran_truncates_the_real_answer_and_keeps_its_effect()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/gethash", Kind = FaultKind.Malformed, AfterHandler = true });
        var body = await (await GetHashAsync()).Content.ReadAsStringAsync();
        Assert.That(body, Does.StartWith("""{"code":"200","message":"References created"""));
        Assert.That(() => JsonDocument.Parse(body), Throws.InstanceOf<JsonException>());
        Assert.That(Sandbox.Payments, Has.Count.EqualTo(1), "the payment was created: a lost answer");
    }

    [Test]
    public async Task Empty_answers_200_with_no_body()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/mpayment/getFees", Kind = FaultKind.Empty });
        var response = await GetAsync("/mpayment/getFees", Params(("apikey", SecretKey), ("ope", "AM"), ("country", "GA")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [Test]
    public async Task Drop_aborts_the_connection()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/gethash", Kind = FaultKind.Drop });
        Assert.That(async () => await GetHashAsync(), Throws.InstanceOf<HttpRequestException>());
        Assert.That(Sandbox.Payments, Is.Empty);
        Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the next request is served");
    }

    [Test]
    public async Task Drop_after_payment_request_loses_the_answer_but_the_push_happened()
    {
        var token = await CreatePaymentAsync();
        Sandbox.AddFault(new FaultRule { Endpoint = "/mpayment/payment-request", Kind = FaultKind.Drop, AfterHandler = true });
        Assert.That(async () => await RequestMobileAsync(token, "074111111"), Throws.InstanceOf<HttpRequestException>());
        Assert.That(Sandbox.GetPayment(token)!.State, Is.EqualTo(PaymentState.Succeeded), "read the status before retrying");
    }

    [Test]
    public async Task Wildcard_hits_any_mypayga_path_but_never_the_control_api()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "*", Kind = FaultKind.HttpError, Count = -1 });
        Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await Http.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await Http.GetAsync("/_sandbox/merchant")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Http.DeleteAsync("/_sandbox/faults")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Faults_are_armed_listed_and_cleared_over_http()
    {
        var created = await Http.PostAsync("/_sandbox/faults", new StringContent(
            """{"endpoint": "/payment/gethash", "kind": "http-error", "statusCode": 500, "count": 2}""", Encoding.UTF8, "application/json"));
        var rule = await JsonAsync(created, HttpStatusCode.Created);
        Assert.That(S(rule, "kind"), Is.EqualTo("http-error"));
        Assert.That(N(rule, "count"), Is.EqualTo(2));

        Assert.That((await GetHashAsync()).StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var listed = await JsonAsync(await Http.GetAsync("/_sandbox/faults"));
        Assert.That(N(listed[0], "count"), Is.EqualTo(1), "hits left");

        Assert.That((await Http.DeleteAsync("/_sandbox/faults")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Sandbox.Faults, Is.Empty);

        var latency = await Http.PostAsync("/_sandbox/faults", new StringContent(
            """{"endpoint": "*", "kind": "latency", "latencyMs": 10}""", Encoding.UTF8, "application/json"));
        Assert.That(N(await JsonAsync(latency, HttpStatusCode.Created), "delayMs"), Is.EqualTo(10));
    }

    [TestCase("""{"kind": "explode"}""")]
    [TestCase("""{"kind": "http-error", "statusCode": 200}""")]
    [TestCase("""{"kind": "drop", "count": 0}""")]
    [TestCase("""not json""")]
    public async Task Invalid_fault_requests_are_a_400(string body)
    {
        var response = await Http.PostAsync("/_sandbox/faults", new StringContent(body, Encoding.UTF8, "application/json"));
        var json = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.That(S(json, "error"), Is.Not.Empty);
        Assert.That(Sandbox.Faults, Is.Empty);
    }

    [Test]
    public async Task Applied_faults_are_journaled()
    {
        Sandbox.AddFault(new FaultRule { Endpoint = "/payment/gethash", Kind = FaultKind.HttpError, StatusCode = 503 });
        await GetHashAsync();
        var entry = Sandbox.Events().Single(e => e.Kind == "request");
        Assert.That(entry.HttpStatus, Is.EqualTo(503));
        Assert.That(entry.Faults!.Single(), Does.StartWith("http-error 503"));
    }
}
