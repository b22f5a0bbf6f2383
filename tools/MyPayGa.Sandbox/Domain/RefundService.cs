namespace MyPayGa.Sandbox.Domain;

/// <summary>refund/create, refund/send, refund/infos. Partial refunds allowed up to what was paid.</summary>
internal sealed class RefundService(SandboxStore store, TimeProvider time)
{
    public const string AlreadySent = "Refund already sent";

    public Result<RefundSnapshot> Create(string paymentToken, long amount, string description)
    {
        lock (store.Gate)
        {
            if (!store.Payments.TryGetValue(paymentToken, out var p))
            {
                return Result<RefundSnapshot>.Fail("Unknown payment_token.");
            }
            if (p.State != PaymentState.Succeeded)
            {
                return Result<RefundSnapshot>.Fail(
                    $"Only a successful payment can be refunded; this one is {(p.State == PaymentState.Pending ? "still pending" : $"failed ({p.StatusText})")}.");
            }
            var refunded = store.RefundedByPayment.GetValueOrDefault(paymentToken);
            var left = p.Amount - refunded;
            if (amount > left)
            {
                return Result<RefundSnapshot>.Fail(
                    $"amount ({amount}) exceeds what is left to refund on this payment ({left} of {p.Amount} XAF).");
            }
            var refund = new Refund
            {
                Id = Ids.RefundId(),
                PaymentToken = paymentToken,
                Amount = amount,
                OrderAmount = p.Amount,
                Description = description,
                ClientNumber = p.ClientPhone ?? p.Phone ?? "",
                PaymentMethod = p.Channel == PaymentChannel.Card ? "Carte Bancaire" : p.Operator?.Name ?? "Mobile Money",
                RequestedAt = time.GetUtcNow(),
            };
            store.Refunds.Add(refund.Id, refund);
            store.RefundedByPayment[paymentToken] = refunded + amount;
            return Result<RefundSnapshot>.Ok(refund.Snapshot());
        }
    }

    public Result<RefundSnapshot> Send(string refundId)
    {
        lock (store.Gate)
        {
            if (!store.Refunds.TryGetValue(refundId, out var refund))
            {
                return Result<RefundSnapshot>.Fail("Unknown refund_id.");
            }
            if (refund.SentAt is not null)
            {
                return Result<RefundSnapshot>.Fail(AlreadySent);
            }
            refund.SentAt = time.GetUtcNow();
            return Result<RefundSnapshot>.Ok(refund.Snapshot());
        }
    }

    public RefundSnapshot? Get(string refundId)
    {
        lock (store.Gate)
        {
            return store.Refunds.TryGetValue(refundId, out var r) ? r.Snapshot() : null;
        }
    }
}
