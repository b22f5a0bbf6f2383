namespace MyPayGa.Sandbox.Domain;

/// <summary>All sandbox state, in memory. Every read and write happens under <see cref="Gate"/>.</summary>
internal sealed class SandboxStore
{
    public object Gate { get; } = new();
    public Dictionary<string, Payment> Payments { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Refund> Refunds { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> RefundedByPayment { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TransferSnapshot> Transfers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PaymentLink> LinksByToken { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PaymentLink> LinksByOrderRef { get; } = new(StringComparer.Ordinal);

    /// <summary>Caller holds <see cref="Gate"/>.</summary>
    public PaymentSnapshot SnapshotLocked(Payment p) =>
        p.Snapshot(RefundedByPayment.GetValueOrDefault(p.Token));

    /// <summary>A link by its token_url or its order_ref. Caller holds <see cref="Gate"/>.</summary>
    public PaymentLink? FindLinkLocked(string reference) =>
        LinksByToken.GetValueOrDefault(reference) ?? LinksByOrderRef.GetValueOrDefault(reference);

    public void Clear()
    {
        lock (Gate)
        {
            Payments.Clear();
            Refunds.Clear();
            RefundedByPayment.Clear();
            Transfers.Clear();
            LinksByToken.Clear();
            LinksByOrderRef.Clear();
        }
    }
}
