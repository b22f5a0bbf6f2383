using System.Security.Cryptography;
using System.Text;
using MyPayGa.Sandbox.Callbacks;
using MyPayGa.Sandbox.Control;

namespace MyPayGa.Sandbox.Domain;

/// <summary>What gethash receives.</summary>
public sealed record NewPayment(
    string UniqueId,
    long Amount,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Description);

/// <summary>payment-request accepted: the push is "sent", the outcome comes later.</summary>
public sealed record MobileRequestAccepted(PaymentSnapshot Payment, string TransactionId);

/// <summary>The card form's decision.</summary>
public sealed record CardOutcome(PaymentSnapshot Payment, CardTestNumber Card);

/// <summary>Payments: gethash, mobile money, card, forced outcomes. The rules of the test data live here.</summary>
internal sealed class PaymentService(
    SandboxStore store,
    MerchantConfig merchant,
    BackgroundWork work,
    CallbackDispatcher callbacks,
    EventJournal journal,
    TimeProvider time)
{
    public PaymentSnapshot Create(NewPayment request, string? linkToken = null)
    {
        var token = Ids.PaymentToken();
        var payment = new Payment
        {
            Token = token,
            UniqueId = request.UniqueId,
            Amount = request.Amount,
            Hash = Convert.ToHexStringLower(SHA256.HashData(
                Encoding.UTF8.GetBytes($"{token}|{request.UniqueId}|{request.Amount}"))),
            CreatedAt = time.GetUtcNow(),
            Email = request.Email,
            FirstName = request.FirstName,
            LastName = request.LastName,
            Phone = request.Phone,
            Description = request.Description,
            LinkToken = linkToken,
        };
        lock (store.Gate)
        {
            store.Payments.Add(token, payment);
            return store.SnapshotLocked(payment);
        }
    }

    public PaymentSnapshot? Get(string token)
    {
        lock (store.Gate)
        {
            return store.Payments.TryGetValue(token, out var p) ? store.SnapshotLocked(p) : null;
        }
    }

    public IReadOnlyList<PaymentSnapshot> All()
    {
        lock (store.Gate)
        {
            return store.Payments.Values.OrderBy(p => p.CreatedAt).Select(store.SnapshotLocked).ToList();
        }
    }

    /// <summary>
    /// payment-request: checks the token, amount and number, then decides the outcome by the test data table
    /// after the merchant's OutcomeDelayMs (0: at once; negative: never, see <see cref="Complete"/>).
    /// An unknown number is refused and leaves the payment pending.
    /// </summary>
    public Result<MobileRequestAccepted> RequestMobile(string token, long amount, string clientPhone)
    {
        var settings = merchant.Current;
        var phone = PhoneNumbers.Normalise(clientPhone);
        MobileTestNumber? row;
        string transactionId;
        PaymentSnapshot accepted;
        lock (store.Gate)
        {
            if (!store.Payments.TryGetValue(token, out var p))
            {
                return Result<MobileRequestAccepted>.Fail("Unknown payment_token: create it with /payment/gethash first.");
            }
            if (StateError(p) is { } stateError)
            {
                return Result<MobileRequestAccepted>.Fail(stateError);
            }
            if (amount != p.Amount)
            {
                return Result<MobileRequestAccepted>.Fail(
                    $"amount ({amount}) differs from the amount given to gethash ({p.Amount}).");
            }
            if (phone is null)
            {
                return Result<MobileRequestAccepted>.Fail("client_phone is not a phone number.");
            }
            row = TestData.FindMobile(phone);
            if (row is null)
            {
                return Result<MobileRequestAccepted>.Fail(TestData.UnknownNumberMessage);
            }
            transactionId = Ids.TransactionId();
            p.Channel = PaymentChannel.MobileMoney;
            p.ClientPhone = phone;
            p.Operator = row.Operator;
            p.TransactionId = transactionId;
            p.InFlight = true;
            accepted = store.SnapshotLocked(p);
        }

        journal.Add(new JournalEntry
        {
            Kind = "payment",
            PaymentToken = token,
            Note = $"Mobile money push to a test number ({row.Operator.Code}); outcome {row.Code} " +
                   (settings.OutcomeDelayMs < 0 ? "waits for the control API." : $"in {settings.OutcomeDelayMs} ms."),
        });

        if (settings.OutcomeDelayMs == 0)
        {
            FinaliseMobile(token, row.Succeeds, row.Status, row.Message);
        }
        else if (settings.OutcomeDelayMs > 0)
        {
            var decided = row;
            work.Run(TimeSpan.FromMilliseconds(settings.OutcomeDelayMs), _ =>
            {
                FinaliseMobile(token, decided.Succeeds, decided.Status, decided.Message);
                return Task.CompletedTask;
            });
        }

        // Re-read: with no delay the outcome is already decided (null only if a reset raced us).
        return Result<MobileRequestAccepted>.Ok(new MobileRequestAccepted(Get(token) ?? accepted, transactionId));
    }

    /// <summary>The card form may be shown for this payment.</summary>
    public Result<PaymentSnapshot> ForCardForm(string token)
    {
        lock (store.Gate)
        {
            if (!store.Payments.TryGetValue(token, out var p))
            {
                return Result<PaymentSnapshot>.Fail("Unknown payment_token: create it with /payment/gethash first.");
            }
            return StateError(p) is { } error
                ? Result<PaymentSnapshot>.Fail(error)
                : Result<PaymentSnapshot>.Ok(store.SnapshotLocked(p));
        }
    }

    /// <summary>The card form's Pay button: decided at once by the card table.</summary>
    public Result<CardOutcome> PayByCard(string token, string cardNumber)
    {
        var card = TestData.FindCard(cardNumber);
        PaymentSnapshot snapshot;
        lock (store.Gate)
        {
            if (!store.Payments.TryGetValue(token, out var p))
            {
                return Result<CardOutcome>.Fail("Unknown payment_token: create it with /payment/gethash first.");
            }
            if (StateError(p) is { } error)
            {
                return Result<CardOutcome>.Fail(error);
            }
            p.Channel = PaymentChannel.Card;
            p.CardBrand = card.Brand;
            p.CardLast4 = card.Number.Length >= 4 ? card.Last4 : "0000";
            snapshot = FinaliseLocked(p, card.Succeeds, card.Status, card.Message);
        }
        AfterFinal(snapshot);
        return Result<CardOutcome>.Ok(new CardOutcome(snapshot, card));
    }

    /// <summary>Control API: forces the final state of a pending payment (mobile money when no channel was chosen).</summary>
    public Result<PaymentSnapshot> Complete(string token, bool succeed, string? message)
    {
        PaymentSnapshot snapshot;
        lock (store.Gate)
        {
            if (!store.Payments.TryGetValue(token, out var p))
            {
                return Result<PaymentSnapshot>.Fail("Unknown payment_token.");
            }
            if (p.State != PaymentState.Pending)
            {
                return Result<PaymentSnapshot>.Fail($"The payment is already final ({p.StatusText}).");
            }
            if (p.Channel == PaymentChannel.None)
            {
                p.Channel = PaymentChannel.MobileMoney;
                p.ClientPhone = PhoneNumbers.Normalise(p.Phone) ?? p.Phone;
                p.Operator = TestData.OperatorOf(p.Phone);
                p.TransactionId = Ids.TransactionId();
            }
            snapshot = FinaliseLocked(p, succeed, succeed ? "Success" : "Failed",
                message ?? (succeed ? "Payment success" : TestData.InsufficientFunds));
        }
        AfterFinal(snapshot);
        return Result<PaymentSnapshot>.Ok(snapshot);
    }

    private void FinaliseMobile(string token, bool succeed, string status, string message)
    {
        PaymentSnapshot snapshot;
        lock (store.Gate)
        {
            // Already settled meanwhile (control API, reset): nothing to do.
            if (!store.Payments.TryGetValue(token, out var p) || p.State != PaymentState.Pending || !p.InFlight)
            {
                return;
            }
            snapshot = FinaliseLocked(p, succeed, status, message);
        }
        AfterFinal(snapshot);
    }

    private PaymentSnapshot FinaliseLocked(Payment p, bool succeed, string statusText, string message)
    {
        p.State = succeed ? PaymentState.Succeeded : PaymentState.Failed;
        p.StatusText = statusText;
        p.Message = message;
        p.InFlight = false;
        p.CompletedAt = time.GetUtcNow();
        if (succeed && p.LinkToken is { } linkToken && store.LinksByToken.TryGetValue(linkToken, out var link))
        {
            link.Paid = true;
        }
        return store.SnapshotLocked(p);
    }

    private void AfterFinal(PaymentSnapshot snapshot)
    {
        journal.Add(new JournalEntry
        {
            Kind = "payment",
            PaymentToken = snapshot.Token,
            ProviderStatus = snapshot.OrderStatus,
            Note = $"Payment final: {snapshot.StatusText} ({snapshot.PaymentMethod}).",
        });
        callbacks.ScheduleFinal(snapshot);
    }

    private static string? StateError(Payment p) =>
        p.State != PaymentState.Pending
            ? $"This payment is already final ({p.StatusText}): create a new one with /payment/gethash."
            : p.InFlight
                ? "A payment request for this payment_token is already waiting for the shopper's confirmation."
                : null;
}
