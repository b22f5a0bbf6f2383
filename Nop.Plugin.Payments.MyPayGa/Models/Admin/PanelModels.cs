using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.MyPayGa.Models.Admin;

/// <summary>The MyPayGa panel on the admin's order details page.</summary>
public sealed record OrderPanelModel : BaseNopModel
{
    public int OrderId { get; init; }
    public string OrderNumber { get; init; } = string.Empty;
    /// <summary>What a new payment link would ask (the order total in XAF), when one can be made.</summary>
    public string? OutstandingXaf { get; init; }
    public IReadOnlyList<AttemptPanelModel> Attempts { get; init; } = [];
    public IReadOnlyList<RefundPanelModel> Refunds { get; init; } = [];
    /// <summary>Things a person should know or act on (localised).</summary>
    public IReadOnlyList<PanelWarning> Warnings { get; init; } = [];
    public bool CanCreateLink { get; init; }
    /// <summary>Why no link can be made now (localised), shown beside the disabled button.</summary>
    public string? LinkRefusal { get; init; }
    /// <summary>The open payment link, with its QR code, if any.</summary>
    public AttemptPanelModel? OpenLink { get; init; }
}

public sealed record PanelWarning(string Kind, string Text);

public sealed record AttemptPanelModel
{
    public int Id { get; init; }
    public int Number { get; init; }
    public string UniqueId { get; init; } = string.Empty;
    public string Channel { get; init; } = string.Empty;
    public bool IsLink { get; init; }
    public string? MaskedPhone { get; init; }
    public string Amount { get; init; } = string.Empty;
    /// <summary>What MyPayGa reports receiving, when it reported a payment.</summary>
    public string? Received { get; init; }
    public string? Token { get; init; }
    public string Status { get; init; } = string.Empty;
    /// <summary>A bootstrap badge colour: success, danger, warning, secondary, info.</summary>
    public string StatusCss { get; init; } = "secondary";
    public string? LastProviderStatus { get; init; }
    public string? LastReadOn { get; init; }
    public string CreatedOn { get; init; } = string.Empty;
    public string? CreatedBy { get; init; }
    public string? ReviewNote { get; init; }
    public IReadOnlyList<ReviewDecision> Decisions { get; init; } = [];
    public string? LinkUrl { get; init; }
    /// <summary>The link's address as an SVG QR code (generated here, no outside service).</summary>
    public string? LinkQrSvg { get; init; }
    public bool CanCancelLink { get; init; }
    /// <summary>An open link (not paid, failed, cancelled or timed out) that can be e-mailed to the customer.</summary>
    public bool CanEmailLink { get; init; }
}

public sealed record RefundPanelModel
{
    public int Id { get; init; }
    public string? RefundId { get; init; }
    public string AttemptUniqueId { get; init; } = string.Empty;
    public string Amount { get; init; } = string.Empty;
    public string Status { get; init; } = string.Empty;
    public string StatusCss { get; init; } = "secondary";
    public string? RequestedBy { get; init; }
    public string CreatedOn { get; init; } = string.Empty;
    public string? Message { get; init; }
}

/// <summary>The confirmation step of a decision, of a new payment link or of e-mailing a link.</summary>
public sealed record ConfirmModel : BaseNopModel
{
    public int OrderId { get; init; }
    public string OrderNumber { get; init; } = string.Empty;
    /// <summary>The admin controller's action the form posts to (Decide, CreateLink, EmailLink).</summary>
    public string Action { get; init; } = string.Empty;
    /// <summary>Null for a new payment link.</summary>
    public int? AttemptId { get; init; }
    public ReviewDecision? Decision { get; init; }
    public string Title { get; init; } = string.Empty;
    public string Explanation { get; init; } = string.Empty;
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];
    public string ConfirmLabel { get; init; } = string.Empty;
    public string ConfirmCss { get; init; } = "btn-primary";
    /// <summary>A new payment link: the checkbox "e-mail it to the customer once it is created" is shown.</summary>
    public bool OfferEmail { get; init; }
    /// <summary>Why it cannot be done now (localised); the confirm button is then not shown.</summary>
    public string? Refusal { get; init; }
}

/// <summary>The review queue: MyPayGa orders that need a person, and the last reconciliation runs.</summary>
public sealed record ReviewQueueModel : BaseNopModel
{
    public IReadOnlyList<ReviewQueueGroupModel> Groups { get; init; } = [];
    public IReadOnlyList<ReconciliationRunModel> Runs { get; init; } = [];
    public int Total => Groups.Sum(g => g.Rows.Count);
}

public sealed record ReviewQueueGroupModel(ReviewQueueKind Kind, string Title, string Explanation, IReadOnlyList<ReviewQueueRowModel> Rows);

public sealed record ReviewQueueRowModel(int OrderId, string OrderNumber, string? Reference, string? Amount, string Since, string? Detail);

public sealed record ReconciliationRunModel(string StartedOn, int Read, int Settled, int Expired, int Unreadable, int TimedOut,
    int RefundsResolved, long DurationMs);
