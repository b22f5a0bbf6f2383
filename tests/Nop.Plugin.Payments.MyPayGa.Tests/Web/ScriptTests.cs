using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using MyPayGa.Client.Phones;
using NUnit.Framework;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Web;

/// <summary>
/// The browser-side scripts, run with Node.js when it is installed (the browser tests cover them in a real browser).
/// The operator hint must say what the server will decide, so its rules are compared with PhoneNumber's.
/// </summary>
[TestFixture]
public sealed partial class ScriptTests
{
    [GeneratedRegex(@"function gabonLocal\(national\) \{.*?\n            \}\n            function classify\(value\) \{.*?\n            \}\n", RegexOptions.Singleline)]
    private static partial Regex ClassifyFunctions();

    private static readonly string[] Numbers =
    [
        "074111111", "074 12 12 12", "+241 74 12 12 12", "+241 074 12 12 12", "0024174121212", "24174121212", "241074121212",
        "076 00 00 00", "077508412", "062 11 22 33", "065.12.34.56", "066-12-34-56", "(066) 12 34 56",
        "063 12 34 56", "011 12 34 56", "+241 11 12 34 56", "01234567", "74121212",
        "242056549200", "650121212", "09306316", "+225 07 30 63 16", "+33 6 12 34 56 78",
        "0741", "", "   ", "074 12 12 1a", "+2410741212121212121", "07+4121212",
    ];

    private static string? NodePath()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "node");
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    private static string RunNode(string script)
    {
        var node = NodePath();
        if (node is null)
            Assert.Ignore("Node.js is not installed; the browser tests cover the scripts.");

        var file = Path.Combine(Path.GetTempPath(), "mypayga-script-" + Guid.NewGuid().ToString("N") + ".js");
        File.WriteAllText(file, script);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(node!, file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.That(process.WaitForExit(30_000), Is.True, "node did not finish");
            Assert.That(process.ExitCode, Is.EqualTo(0), error.Result);
            return output.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>What the server decides for a number, in the hint's words.</summary>
    private static string? ServerKind(string input)
    {
        if (!PhoneNumber.TryParse(input, out var phone, out _))
            return null;
        if (!phone!.IsGabonese)
            return "foreign";
        return phone.Operator switch
        {
            MobileOperator.AirtelMoney => "airtel",
            MobileOperator.MoovMoney => "moov",
            _ => "notMobile",
        };
    }

    [Test]
    public void The_operator_hint_follows_the_servers_phone_rules()
    {
        var view = File.ReadAllText(Path.Combine(WebFakes.PluginDirectory(), "Views", "_ChannelAndPhone.cshtml"));
        var functions = ClassifyFunctions().Match(view);
        Assert.That(functions.Success, Is.True, "gabonLocal/classify not found in _ChannelAndPhone.cshtml");

        var script = functions.Value + "\nconsole.log(JSON.stringify(" + JsonSerializer.Serialize(Numbers) + ".map(classify)));";
        var hints = JsonSerializer.Deserialize<string?[]>(RunNode(script))!;

        Assert.Multiple(() =>
        {
            for (var i = 0; i < Numbers.Length; i++)
                Assert.That(hints[i], Is.EqualTo(ServerKind(Numbers[i])), $"'{Numbers[i]}'");
        });
    }

    [Test]
    public void The_scripts_are_valid_javascript()
    {
        foreach (var file in new[] { "mypayga-pending.js", "mypayga-retry.js" })
        {
            var content = Path.Combine(WebFakes.PluginDirectory(), "Content", file);
            var script = "new Function(" + JsonSerializer.Serialize(File.ReadAllText(content)) + "); console.log('ok');";

            Assert.That(RunNode(script).Trim(), Is.EqualTo("ok"), file);
        }
    }

    /// <summary>
    /// A tiny fake browser for mypayga-pending.js: elements with attributes, a fetch that answers from a list, a clock
    /// and timers the test drives. Prints what the page ended up showing as JSON.
    /// </summary>
    private const string PendingHarness = """
        const answers = __ANSWERS__;
        let now = 1000000, timers = [], assigned = null, fetches = 0;
        function el(attrs) { return { hidden: false, textContent: '', attrs: Object.assign({}, attrs || {}),
            getAttribute(n) { return n in this.attrs ? this.attrs[n] : null; }, setAttribute(n, v) { this.attrs[n] = String(v); },
            listeners: {}, addEventListener(t, f) { this.listeners[t] = f; } }; }
        const parts = { message: el(), spinner: el(), 'elapsed-line': el(), elapsed: el(), retry: el(), 'check-now': el() };
        parts.retry.hidden = true;
        const noPrompt = el(), pageTitle = el(), intro = el();
        pageTitle.textContent = 'Confirm the payment on your phone';
        intro.textContent = 'We sent a payment request to your phone.';
        const pageParts = { 'no-prompt': noPrompt, 'page-title': pageTitle, instructions: intro };
        const box = el({ 'data-status-url': '/mypayga/status/x', 'data-interval-ms': '3000', 'data-max-seconds': '600',
            'data-elapsed-seconds': '65', 'data-final': 'false', 'data-timeout-message': 'TIMED OUT' });
        box.querySelector = sel => parts[/data-role=([a-z-]+)/.exec(sel)[1]];
        globalThis.document = { title: 'Confirm the payment on your phone. Test store',
            getElementById: id => id === 'mypayga-status' ? box : null,
            querySelector: sel => pageParts[/data-role=([a-z-]+)/.exec(sel)[1]] };
        globalThis.window = globalThis;
        window.location = { assign: url => { assigned = url; } };
        Date.now = () => now;
        globalThis.setTimeout = (f, ms) => { timers.push({ f, at: now + ms, interval: 0 }); return timers.length; };
        globalThis.setInterval = (f, ms) => { timers.push({ f, at: now + ms, interval: ms }); return timers.length; };
        globalThis.clearTimeout = globalThis.clearInterval = id => { if (timers[id - 1]) timers[id - 1].f = null; };
        globalThis.fetch = url => { const a = answers[Math.min(fetches++, answers.length - 1)];
            return Promise.resolve({ status: a.status || 200, ok: (a.status || 200) === 200, json: () => Promise.resolve(a.body) }); };
        const flush = () => new Promise(r => setImmediate(r));
        (async () => {
            eval(require('fs').readFileSync(__SCRIPT__, 'utf8'));
            const checkNowHiddenAtLoad = parts['check-now'].hidden;
            for (let step = 0; step < 1000; step++) {
                const due = timers.filter(t => t.f).sort((a, b) => a.at - b.at)[0];
                if (!due) break;
                now = due.at;
                const f = due.f;
                if (due.interval) due.at += due.interval; else due.f = null;
                f();
                for (let i = 0; i < 5; i++) await flush();
            }
            console.log(JSON.stringify({ fetches, assigned, message: parts.message.textContent, state: box.getAttribute('data-state'),
                spinnerHidden: parts.spinner.hidden, retryHidden: parts.retry.hidden, retryHref: parts.retry.getAttribute('href'),
                checkNowHidden: parts['check-now'].hidden, elapsed: parts.elapsed.textContent, seconds: (now - 1000000) / 1000,
                title: pageTitle.textContent, documentTitle: document.title, instructions: intro.textContent,
                instructionsHidden: intro.hidden, noPromptHidden: noPrompt.hidden, checkNowHiddenAtLoad }));
        })();
        """;

    private sealed record PageState(int Fetches, string? Assigned, string Message, string? State, bool SpinnerHidden,
        bool RetryHidden, string? RetryHref, bool CheckNowHidden, string Elapsed, double Seconds,
        string Title, string DocumentTitle, string Instructions, bool InstructionsHidden, bool NoPromptHidden, bool CheckNowHiddenAtLoad);

    private static PageState RunPendingPage(params object[] answers)
    {
        var scriptPath = Path.Combine(WebFakes.PluginDirectory(), "Content", "mypayga-pending.js");
        var script = PendingHarness
            .Replace("__ANSWERS__", JsonSerializer.Serialize(answers), StringComparison.Ordinal)
            .Replace("__SCRIPT__", JsonSerializer.Serialize(scriptPath), StringComparison.Ordinal);
        return JsonSerializer.Deserialize<PageState>(RunNode(script), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static object Status(string state, string message, bool final = false, string? redirectUrl = null, string? retryUrl = null,
        bool awaitingReason = false, string? title = null, string? instructions = null) =>
        new { body = new { state, message, final, redirectUrl, retryUrl, awaitingReason, title, instructions } };

    [Test]
    public void The_pending_page_polls_until_paid_then_goes_to_the_completed_page()
    {
        var page = RunPendingPage(
            Status("pending", "Waiting"),
            Status("providerUnavailable", "Still checking"),
            Status("paid", "Paid!", final: true, redirectUrl: "/checkout/completed/5"));

        Assert.That(page.Assigned, Is.EqualTo("/checkout/completed/5"));
        Assert.That(page.Fetches, Is.EqualTo(3));
        Assert.That(page.Seconds, Is.EqualTo(9), "one poll every 3 seconds");
        Assert.That(page.Message, Is.EqualTo("Paid!"));
    }

    [Test]
    public void A_failed_payment_stops_the_polling_and_shows_the_reason_and_the_retry_link()
    {
        var page = RunPendingPage(Status("pending", "Waiting"),
            Status("failed", "The payment did not go through: insufficient funds", final: true, retryUrl: "/mypayga/retry/x"));

        Assert.Multiple(() =>
        {
            Assert.That(page.Assigned, Is.Null);
            Assert.That(page.Fetches, Is.EqualTo(2));
            Assert.That(page.State, Is.EqualTo("failed"));
            Assert.That(page.Message, Does.Contain("insufficient funds"));
            Assert.That(page.RetryHidden, Is.False);
            Assert.That(page.RetryHref, Is.EqualTo("/mypayga/retry/x"));
            Assert.That(page.SpinnerHidden, Is.True);
            Assert.That(page.CheckNowHidden, Is.True);
        });
    }

    [Test]
    public void A_failure_replaces_the_heading_and_the_confirm_on_your_phone_text()
    {
        var page = RunPendingPage(Status("pending", "Waiting"),
            Status("failed", "The payment did not go through.", final: true, retryUrl: "/mypayga/retry/x",
                title: "Payment not completed", instructions: "Your order is saved but not paid yet."));

        Assert.Multiple(() =>
        {
            Assert.That(page.Title, Is.EqualTo("Payment not completed"));
            Assert.That(page.DocumentTitle, Is.EqualTo("Payment not completed. Test store"));
            Assert.That(page.Instructions, Is.EqualTo("Your order is saved but not paid yet."));
            Assert.That(page.InstructionsHidden, Is.False);
            Assert.That(page.SpinnerHidden, Is.True);
            Assert.That(page.NoPromptHidden, Is.True);
        });
    }

    [Test]
    public void Empty_instructions_hide_the_text_and_a_pending_answer_changes_neither()
    {
        var waiting = RunPendingPage(Status("pending", "Waiting"), new { status = 404 });
        var held = RunPendingPage(Status("heldForReview", "Under review", final: true, title: "Payment under review", instructions: ""));

        Assert.That(waiting.Title, Is.EqualTo("Confirm the payment on your phone"));
        Assert.That(waiting.InstructionsHidden, Is.False);
        Assert.That(held.Title, Is.EqualTo("Payment under review"));
        Assert.That(held.InstructionsHidden, Is.True);
    }

    [Test]
    public void A_failure_without_its_reason_yet_shows_the_failure_and_asks_again_until_the_reason_arrives()
    {
        var page = RunPendingPage(Status("pending", "Waiting"),
            Status("failed", "The payment did not go through.", final: true, retryUrl: "/mypayga/retry/x", awaitingReason: true),
            Status("failed", "The payment did not go through.", final: true, retryUrl: "/mypayga/retry/x", awaitingReason: true),
            Status("failed", "The payment did not go through: insufficient funds", final: true, retryUrl: "/mypayga/retry/x"));

        Assert.Multiple(() =>
        {
            Assert.That(page.Fetches, Is.EqualTo(4), "stops once the reason is there");
            Assert.That(page.Message, Does.Contain("insufficient funds"));
            Assert.That(page.RetryHidden, Is.False);
            Assert.That(page.SpinnerHidden, Is.True);
            Assert.That(page.CheckNowHidden, Is.True);
        });
    }

    [Test]
    public void A_reason_that_never_arrives_stops_the_polling_after_a_few_more_asks()
    {
        var page = RunPendingPage(Status("pending", "Waiting"),
            Status("failed", "The payment did not go through.", final: true, retryUrl: "/mypayga/retry/x", awaitingReason: true));

        Assert.Multiple(() =>
        {
            Assert.That(page.Fetches, Is.EqualTo(7), "the failure, then five more asks");
            Assert.That(page.Message, Is.EqualTo("The payment did not go through."));
            Assert.That(page.RetryHidden, Is.False);
            Assert.That(page.CheckNowHidden, Is.True);
            Assert.That(page.Seconds, Is.LessThan(30));
        });
    }

    [Test]
    public void Without_an_answer_the_page_stops_after_ten_minutes_and_keeps_check_now()
    {
        var page = RunPendingPage(Status("pending", "Waiting"));

        Assert.Multiple(() =>
        {
            Assert.That(page.Message, Is.EqualTo("TIMED OUT"));
            Assert.That(page.Seconds, Is.InRange(600, 603));
            Assert.That(page.Fetches, Is.InRange(190, 200));
            Assert.That(page.CheckNowHidden, Is.False);
            Assert.That(page.SpinnerHidden, Is.True);
            Assert.That(page.Elapsed, Does.StartWith("11:0"), "elapsed counts from the start of the payment (65 s before)");
        });
    }

    [Test]
    public void While_the_page_checks_by_itself_the_no_script_check_now_button_is_hidden()
    {
        var polling = RunPendingPage(Status("pending", "Waiting"), Status("paid", "Paid!", final: true, redirectUrl: "/checkout/completed/5"));

        Assert.That(polling.CheckNowHiddenAtLoad, Is.True, "shown by the server for browsers without JavaScript, hidden by the script");
    }

    [Test]
    public void A_lost_session_stops_the_polling()
    {
        var page = RunPendingPage(Status("pending", "Waiting"), new { status = 404 });

        Assert.That(page.Fetches, Is.EqualTo(2));
        Assert.That(page.CheckNowHidden, Is.False);
        Assert.That(page.Assigned, Is.Null);
    }

    /// <summary>Runs mypayga-retry.js on a fake page with a push-wait box of the given seconds; prints the page at 0 s, 1 s and the end.</summary>
    private const string RetryHarness = """
        let now = 1000000, timers = [];
        function el(attrs) { return { hidden: false, textContent: '', disabled: false, attrs: Object.assign({}, attrs || {}),
            getAttribute(n) { return n in this.attrs ? this.attrs[n] : null; } }; }
        const parts = { countdown: el(), waiting: el(), ready: el() };
        parts.ready.hidden = true;
        const box = __WITH_BOX__ ? el({ 'data-seconds': '__SECONDS__' }) : null;
        if (box) { box.querySelector = sel => parts[/data-role=([a-z-]+)/.exec(sel)[1]]; }
        const submit = el();
        globalThis.document = { querySelector: sel => sel.indexOf('push-wait') >= 0 ? box : sel.indexOf('retry-submit') >= 0 ? submit : null };
        Date.now = () => now;
        globalThis.setInterval = (f, ms) => { timers.push({ f, every: ms, at: now + ms }); return timers.length; };
        globalThis.clearInterval = id => { if (timers[id - 1]) timers[id - 1].f = null; };
        const show = () => ({ countdown: parts.countdown.textContent, waitingHidden: parts.waiting.hidden, readyHidden: parts.ready.hidden,
            submitDisabled: submit.disabled, timers: timers.filter(t => t.f).length });
        function advance(ms) {
            const end = now + ms;
            for (;;) {
                const due = timers.filter(t => t.f && t.at <= end).sort((a, b) => a.at - b.at)[0];
                if (!due) break;
                now = due.at; due.at += due.every; due.f();
            }
            now = end;
        }
        eval(require('fs').readFileSync(__SCRIPT__, 'utf8'));
        const states = [show()];
        advance(1000); states.push(show());
        advance(__SECONDS__ * 1000); states.push(show());
        console.log(JSON.stringify(states));
        """;

    private sealed record RetryState(string Countdown, bool WaitingHidden, bool ReadyHidden, bool SubmitDisabled, int Timers);

    private static RetryState[] RunRetryPage(int seconds, bool withBox = true)
    {
        var scriptPath = Path.Combine(WebFakes.PluginDirectory(), "Content", "mypayga-retry.js");
        var script = RetryHarness
            .Replace("__WITH_BOX__", withBox ? "true" : "false", StringComparison.Ordinal)
            .Replace("__SECONDS__", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__SCRIPT__", JsonSerializer.Serialize(scriptPath), StringComparison.Ordinal);
        return JsonSerializer.Deserialize<RetryState[]>(RunNode(script), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    [Test]
    public void The_retry_page_counts_down_the_push_window_and_only_then_enables_pay_now()
    {
        var states = RunRetryPage(225);

        Assert.Multiple(() =>
        {
            Assert.That(states[0], Is.EqualTo(new RetryState("3:45", false, true, true, 1)), "on load");
            Assert.That(states[1], Is.EqualTo(new RetryState("3:44", false, true, true, 1)), "a second later");
            Assert.That(states[2], Is.EqualTo(new RetryState("0:00", true, false, false, 0)), "at the end of the window: ready, clock stopped");
        });
    }

    [Test]
    public void Without_a_wait_the_retry_page_leaves_pay_now_alone()
    {
        Assert.That(RunRetryPage(0)[0], Is.EqualTo(new RetryState("", true, false, false, 0)));
        Assert.That(RunRetryPage(30, withBox: false)[0], Is.EqualTo(new RetryState("", false, true, false, 0)));
    }

    [GeneratedRegex(@"<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    /// <summary>Runs the payment-info block's script on a fake DOM; prints what is visible.</summary>
    private const string PaymentInfoHarness = """
        function el(attrs) { return { hidden: false, textContent: '', className: '', value: '', attrs: Object.assign({}, attrs || {}),
            getAttribute(n) { return n in this.attrs ? this.attrs[n] : null; }, setAttribute(n, v) { this.attrs[n] = String(v); },
            listeners: {}, addEventListener(t, f) { this.listeners[t] = f; } }; }
        const setup = __SETUP__;
        const radios = setup.radios.map(r => Object.assign(el(), { type: 'radio', value: r.value, checked: r.checked }));
        const hiddenChoice = setup.hidden ? Object.assign(el(), { type: 'hidden', value: setup.hidden }) : null;
        const root = el();
        root.querySelector = sel => sel.indexOf(':checked') >= 0 ? (radios.find(r => r.checked) || null)
            : sel.indexOf('hidden') >= 0 ? hiddenChoice : null;
        root.querySelectorAll = () => radios;
        const phone = setup.phone ? el() : null;
        const hint = setup.phone ? el({ 'data-recognised': 'Recognised: {0}', 'data-airtel': 'Airtel Money', 'data-moov': 'Moov Money',
            'data-not-mobile': 'NOT MOBILE', 'data-foreign': 'FOREIGN' }) : null;
        const ids = { 'mypayga-payment-info': root, 'mypayga-phone': phone, 'mypayga-operator-hint': hint,
            'mypayga-phone-block': setup.phone ? el() : null, 'mypayga-card-help': setup.card ? el() : null,
            'mypayga-card-phone-block': setup.cardPhone ? el() : null };
        globalThis.document = { getElementById: id => ids[id] || null };
        const show = () => ({ phoneVisible: ids['mypayga-phone-block'] ? !ids['mypayga-phone-block'].hidden : false,
            cardHelpVisible: ids['mypayga-card-help'] ? !ids['mypayga-card-help'].hidden : false, hint: hint ? hint.textContent : null,
            cardPhoneVisible: ids['mypayga-card-phone-block'] ? !ids['mypayga-card-phone-block'].hidden : undefined });
        eval(__SCRIPT__);
        const states = [show()];
        if (radios.length) { radios.forEach(r => r.checked = !r.checked); radios[0].listeners.change(); states.push(show()); }
        if (phone && setup.typed) { phone.value = setup.typed; phone.listeners.input(); states.push(show()); }
        console.log(JSON.stringify(states));
        """;

    private sealed record Visible(bool PhoneVisible, bool CardHelpVisible, string? Hint, bool? CardPhoneVisible = null);

    private static Visible[] RunPaymentInfo(object setup)
    {
        var view = File.ReadAllText(Path.Combine(WebFakes.PluginDirectory(), "Views", "_ChannelAndPhone.cshtml"));
        var script = InlineScript().Match(view);
        Assert.That(script.Success, Is.True);
        var harness = PaymentInfoHarness
            .Replace("__SETUP__", JsonSerializer.Serialize(setup), StringComparison.Ordinal)
            .Replace("__SCRIPT__", JsonSerializer.Serialize(script.Groups[1].Value), StringComparison.Ordinal);
        return JsonSerializer.Deserialize<Visible[]>(RunNode(harness), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    [Test]
    public void The_phone_field_follows_the_channel_choice_and_names_the_operator_while_typing()
    {
        var states = RunPaymentInfo(new
        {
            radios = new[] { new { value = "MobileMoney", @checked = true }, new { value = "Card", @checked = false } },
            phone = true,
            card = true,
            typed = "077 50 84 12",
        });

        Assert.That(states[0], Is.EqualTo(new Visible(true, false, "")), "mobile money chosen");
        Assert.That(states[1], Is.EqualTo(new Visible(false, true, "")), "card chosen");
        Assert.That(states[2].Hint, Is.EqualTo("Recognised: Airtel Money"));
    }

    [Test]
    public void With_card_only_the_card_help_stays_visible()
    {
        var states = RunPaymentInfo(new { radios = Array.Empty<object>(), hidden = "Card", phone = false, card = true });

        Assert.That(states[0], Is.EqualTo(new Visible(false, true, null)));
    }

    [Test]
    public void The_card_receipt_phone_shows_with_the_card_only()
    {
        var states = RunPaymentInfo(new
        {
            radios = new[] { new { value = "MobileMoney", @checked = true }, new { value = "Card", @checked = false } },
            phone = true,
            card = true,
            cardPhone = true,
        });

        Assert.That(states[0].CardPhoneVisible, Is.False, "mobile money chosen");
        Assert.That(states[1].CardPhoneVisible, Is.True, "card chosen");
        Assert.That(states[1].PhoneVisible, Is.False);
    }
}
