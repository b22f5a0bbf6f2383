using MyPayGa.Sandbox.Callbacks;
using MyPayGa.Sandbox.Domain;

namespace MyPayGa.Sandbox.Control;

/// <summary>A card payment completed without a browser: the outcome and where the browser would have gone.</summary>
public sealed record CardPaymentResult(
    PaymentSnapshot Payment,
    string StatusText,
    string Message,
    bool Succeeded,
    string? RedirectUrl);

/// <summary>
/// Everything the control API can do, shared by the HTTP endpoints under /_sandbox/ and by
/// <see cref="SandboxServer"/>'s in-process accessors.
/// </summary>
internal sealed class SandboxControl(
    MerchantConfig merchant,
    FaultRegistry faults,
    EventJournal journal,
    PaymentService payments,
    CallbackDispatcher callbacks,
    BackgroundWork work,
    SandboxStore store)
{
    public MerchantSettings Merchant => merchant.Current;

    public MerchantSettings ConfigureMerchant(Func<MerchantSettings, MerchantSettings> change)
    {
        var updated = merchant.Update(change);
        journal.Add(new JournalEntry { Kind = "control", Note = $"Merchant settings changed: {updated}" });
        return updated;
    }

    public FaultRule AddFault(FaultRule rule)
    {
        var added = faults.Add(rule);
        journal.Add(new JournalEntry
        {
            Kind = "control",
            Note = $"Fault {added.Id} armed: {FaultRule.KindName(added.Kind)} on {added.Endpoint} × {added.Count}.",
        });
        return added;
    }

    public IReadOnlyList<FaultRule> Faults => faults.List();

    public void ClearFaults()
    {
        faults.Clear();
        journal.Add(new JournalEntry { Kind = "control", Note = "Faults cleared." });
    }

    public IReadOnlyList<JournalEntry> Events(long after = 0) => journal.Read(after);

    public PaymentSnapshot? GetPayment(string token) => payments.Get(token);

    public IReadOnlyList<PaymentSnapshot> Payments => payments.All();

    public Result<CardPaymentResult> PayByCard(string token, string cardNumber)
    {
        var result = payments.PayByCard(token, cardNumber);
        if (!result.IsOk)
        {
            return Result<CardPaymentResult>.Fail(result.Error!);
        }
        var (payment, card) = result.Value!;
        return Result<CardPaymentResult>.Ok(new CardPaymentResult(payment, card.Status, card.Message, card.Succeeds,
            ReturnUrls.For(merchant.Current, payment, card.Succeeds)));
    }

    public Result<PaymentSnapshot> Complete(string token, bool succeed, string? message) =>
        payments.Complete(token, succeed, message);

    /// <summary>Delivers a callback for the payment now; null when the token is unknown.</summary>
    public async Task<IReadOnlyList<CallbackDelivery>?> DeliverCallbackAsync(string token, CallbackRequest request,
        CancellationToken ct)
    {
        var payment = payments.Get(token);
        return payment is null ? null : await callbacks.DeliverNowAsync(payment, request, ct);
    }

    public Task WhenIdleAsync(CancellationToken ct) => work.WhenIdleAsync(ct);

    /// <summary>Forgets everything: payments, refunds, transfers, links, faults, journal, pending work; merchant back to the options.</summary>
    public void Reset()
    {
        work.CancelAll();
        store.Clear();
        faults.Clear();
        merchant.Reset();
        journal.Clear();
    }
}
