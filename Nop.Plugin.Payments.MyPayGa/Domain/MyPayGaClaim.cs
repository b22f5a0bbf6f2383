using Nop.Core;

namespace Nop.Plugin.Payments.MyPayGa.Domain;

/// <summary>
/// A once-only marker (table MyPayGaClaim, ClaimKey unique). Whoever inserts a key first does the thing it names — mark
/// an order paid, cancel it, write a note, run the reconciliation of an interval — and nobody else does, on this
/// instance or any other sharing the database. nopCommerce's ILocker cannot give that guarantee (see docs/architecture.md).
/// </summary>
public class MyPayGaClaim : BaseEntity
{
    public string ClaimKey { get; set; } = string.Empty;

    public int OrderId { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    /// <summary>Set when the claimed action finished; a claim never completed is visible (and can be taken over after its lease).</summary>
    public DateTime? CompletedOnUtc { get; set; }

    /// <summary>Which process claimed it (machine and process id), for diagnosis.</summary>
    public string? Owner { get; set; }

    /// <summary>What the claim decided (e.g. the attempt that paid the order, a run summary).</summary>
    public string? Detail { get; set; }
}
