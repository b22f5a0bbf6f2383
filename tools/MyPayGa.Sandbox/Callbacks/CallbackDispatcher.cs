using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using MyPayGa.Sandbox.Control;
using MyPayGa.Sandbox.Domain;

namespace MyPayGa.Sandbox.Callbacks;

/// <summary>
/// Posts final statuses to the merchant's CallbackUrl: after CallbackDelayMs, retried on failure, every attempt
/// journaled. Only loopback hosts are ever contacted, and redirects are not followed.
/// </summary>
internal sealed class CallbackDispatcher : IDisposable
{
    private readonly MerchantConfig _merchant;
    private readonly BackgroundWork _work;
    private readonly EventJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger<CallbackDispatcher> _logger;
    private readonly HttpClient _http;

    public CallbackDispatcher(MerchantConfig merchant, BackgroundWork work, EventJournal journal, TimeProvider time,
        ILogger<CallbackDispatcher> logger)
    {
        _merchant = merchant;
        _work = work;
        _journal = journal;
        _time = time;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The automatic callback of a payment that just became final.</summary>
    public void ScheduleFinal(PaymentSnapshot payment)
    {
        var delay = TimeSpan.FromMilliseconds(_merchant.Current.CallbackDelayMs);
        _work.Run(delay, ct => DeliverAsync(payment, new CallbackRequest(), "automatic", ct));
    }

    /// <summary>Delivers now, <see cref="CallbackRequest.Times"/> times concurrently; returns every attempt.</summary>
    public async Task<IReadOnlyList<CallbackDelivery>> DeliverNowAsync(PaymentSnapshot payment, CallbackRequest request,
        CancellationToken ct)
    {
        var times = Math.Clamp(request.Times, 1, 100);
        var all = await Task.WhenAll(Enumerable.Range(0, times)
            .Select(_ => DeliverAsync(payment, request, "control", ct))).ConfigureAwait(false);
        return all.SelectMany(a => a).ToList();
    }

    private async Task<IReadOnlyList<CallbackDelivery>> DeliverAsync(PaymentSnapshot payment, CallbackRequest request,
        string trigger, CancellationToken ct)
    {
        var settings = _merchant.Current;
        var format = request.Format ?? settings.CallbackFormat;
        var formatName = format.ToString().ToLowerInvariant();
        var fields = BuildFields(payment, request, settings.CallbackSecret);

        if (!TryGetTarget(settings.CallbackUrl, out var target, out var refusal))
        {
            var shown = SafeTarget(settings.CallbackUrl);
            _journal.Add(new JournalEntry
            {
                Kind = "callback-refused",
                PaymentToken = payment.Token,
                Target = shown,
                Format = formatName,
                ProviderStatus = fields["order_status"],
                Error = refusal,
                Note = trigger,
            });
            if (settings.CallbackUrl is null)
            {
                _logger.LogInformation("Callback not sent: {Reason}", refusal);
            }
            else
            {
                _logger.LogWarning("Callback refused: {Reason}", refusal);
            }
            return [new CallbackDelivery(shown, formatName, 0, null, 0, refusal, Refused: true, fields)];
        }

        var deliveries = new List<CallbackDelivery>();
        var attempts = 1 + settings.CallbackRetries;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var delivery = await SendOnceAsync(target, format, fields, attempt, settings.CallbackTimeoutMs, ct)
                .ConfigureAwait(false);
            deliveries.Add(delivery);
            _journal.Add(new JournalEntry
            {
                Kind = "callback",
                PaymentToken = payment.Token,
                Target = delivery.Target,
                Format = formatName,
                Attempt = attempt,
                HttpStatus = delivery.StatusCode,
                DurationMs = delivery.DurationMs,
                Error = delivery.Error,
                ProviderStatus = fields["order_status"],
                Note = trigger,
            });
            _logger.LogInformation("Callback {Format} to {Target}, attempt {Attempt}: {Status}", formatName,
                delivery.Target, attempt, delivery.StatusCode?.ToString() ?? delivery.Error);
            if (delivery.Succeeded || attempt == attempts)
            {
                break;
            }
            var backoff = TimeSpan.FromMilliseconds(settings.CallbackRetryBackoffMs * attempt);
            if (backoff > TimeSpan.Zero)
            {
                await Task.Delay(backoff, _time, ct).ConfigureAwait(false);
            }
        }
        return deliveries;
    }

    private async Task<CallbackDelivery> SendOnceAsync(Uri target, CallbackFormat format,
        IReadOnlyDictionary<string, string> fields, int attempt, int timeoutMs, CancellationToken ct)
    {
        var shown = SafeTarget(target.ToString());
        var formatName = format.ToString().ToLowerInvariant();
        using var request = format switch
        {
            CallbackFormat.Json => new HttpRequestMessage(HttpMethod.Post, target)
            {
                Content = new StringContent(JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json"),
            },
            CallbackFormat.Query => new HttpRequestMessage(HttpMethod.Get, AppendQuery(target, fields)),
            _ => new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(fields) },
        };
        request.Headers.UserAgent.ParseAdd("MyPayGa-Sandbox/1.0");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(timeoutMs));
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                .ConfigureAwait(false);
            return new CallbackDelivery(shown, formatName, attempt, (int)response.StatusCode,
                Elapsed(started), null, Refused: false, fields);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new CallbackDelivery(shown, formatName, attempt, null, Elapsed(started),
                $"No answer within {timeoutMs} ms.", Refused: false, fields);
        }
        catch (HttpRequestException ex)
        {
            return new CallbackDelivery(shown, formatName, attempt, null, Elapsed(started),
                $"{ex.HttpRequestError}: {ex.Message}", Refused: false, fields);
        }
    }

    internal static Dictionary<string, string> BuildFields(PaymentSnapshot payment, CallbackRequest request,
        string? secret)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["unique_id"] = payment.UniqueId,
            ["order_status"] = request.Status ?? payment.OrderStatus,
            ["payment_token"] = payment.Token,
            ["amount"] = (request.Amount ?? payment.Amount).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["payment_method"] = payment.PaymentMethod ?? "Mobile Money",
            ["message"] = request.Message ?? DefaultMessage(payment),
            ["client_phone"] = payment.ClientPhone ?? payment.Phone ?? "",
            ["currency"] = "XAF",
        };
        if (secret is not null && (request.WithHash ?? true))
        {
            var hash = CallbackSigner.Sign(secret, fields);
            fields["hash"] = request.TamperHash ? Tamper(hash) : hash;
        }
        else if (request.TamperHash)
        {
            fields["hash"] = new string('0', 128);
        }
        return fields;
    }

    /// <summary>Cards: the status text ("Refus solde ins"), as the test data shows; mobile money: the operator message.</summary>
    private static string DefaultMessage(PaymentSnapshot p) => p.State switch
    {
        PaymentState.Pending => "Pending",
        _ when p.Channel == PaymentChannel.Card => p.StatusText,
        _ => p.Message ?? p.StatusText,
    };

    private static string Tamper(string hash) => (hash[0] == '0' ? '1' : '0') + hash[1..];

    internal static bool TryGetTarget(string? url, out Uri target, out string refusal)
    {
        target = null!;
        if (string.IsNullOrWhiteSpace(url))
        {
            refusal = "No CallbackUrl is configured.";
            return false;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            refusal = "CallbackUrl is not an absolute http(s) URL.";
            return false;
        }
        if (!IsLoopbackHost(uri))
        {
            refusal = $"CallbackUrl host '{uri.Host}' is not a loopback address: the sandbox never sends traffic off this machine.";
            return false;
        }
        target = uri;
        refusal = "";
        return true;
    }

    internal static bool IsLoopbackHost(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip)
            : uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static Uri AppendQuery(Uri target, IReadOnlyDictionary<string, string> fields)
    {
        var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        var builder = new UriBuilder(target);
        builder.Query = string.IsNullOrEmpty(builder.Query) || builder.Query == "?"
            ? query
            : builder.Query.TrimStart('?') + "&" + query;
        return builder.Uri;
    }

    /// <summary>Scheme, host and path only: a merchant URL's own query could hold secrets.</summary>
    private static string SafeTarget(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : url is null ? "(none)" : "(invalid URL)";

    private static double Elapsed(long started) =>
        Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);

    public void Dispose() => _http.Dispose();
}
