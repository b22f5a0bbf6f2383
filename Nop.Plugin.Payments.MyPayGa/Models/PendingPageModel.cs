using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.MyPayGa.Models;

/// <summary>"Confirm the payment on your phone" (mobile money) or "waiting for the bank" (card).</summary>
public record PendingPageModel : BaseNopModel
{
    public Guid OrderGuid { get; set; }

    public string? CustomOrderNumber { get; set; }

    public PaymentChannel Channel { get; set; }

    /// <summary>Already formatted, e.g. "12 500 FCFA"; null when unknown.</summary>
    public string? AmountText { get; set; }

    /// <summary>e.g. "074•••••11"; null for cards.</summary>
    public string? MaskedPhone { get; set; }

    /// <summary>"Airtel Money", "Moov Money"; null when not recognised.</summary>
    public string? OperatorName { get; set; }

    /// <summary>The status as first rendered (the script keeps it up to date).</summary>
    public required PaymentStatusResponse Status { get; set; }

    public required string StatusUrl { get; set; }

    /// <summary>This page's own URL, for the "Check now" button (works without JavaScript).</summary>
    public required string PageUrl { get; set; }

    public string? OrderDetailsUrl { get; set; }

    /// <summary>Seconds since the payment was started (the elapsed clock starts there).</summary>
    public int ElapsedSeconds { get; set; }

    public int PollIntervalMilliseconds { get; set; } = 3000;

    /// <summary>The script stops polling after this long on the page.</summary>
    public int MaxPollSeconds { get; set; } = 600;
}
