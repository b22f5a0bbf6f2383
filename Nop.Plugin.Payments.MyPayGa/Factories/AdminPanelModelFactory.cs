using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Plugin.Payments.MyPayGa.Models;
using Nop.Plugin.Payments.MyPayGa.Models.Admin;
using Nop.Plugin.Payments.MyPayGa.Services;
using Nop.Services.Localization;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Factories;

/// <summary>Prepares the view models of the admin's MyPayGa panel, its confirmation steps and the review queue.</summary>
public interface IMyPayGaAdminModelFactory
{
    /// <summary>The panel of a MyPayGa order: every attempt, refund, warning and the actions open now.</summary>
    Task<OrderPanelModel> PrepareOrderPanelModelAsync(Order order);

    /// <summary>The confirmation step of a decision (with why it cannot be taken, when it cannot).</summary>
    Task<ConfirmModel> PrepareDecisionModelAsync(Order order, int attemptId, ReviewDecision decision);

    /// <summary>The confirmation step of a new payment link: amount, customer, reference.</summary>
    Task<ConfirmModel> PrepareLinkModelAsync(Order order);

    /// <summary>The confirmation step of e-mailing a link: recipient, link, template, language, account (or why not).</summary>
    Task<ConfirmModel> PrepareLinkMailModelAsync(Order order, int attemptId);

    Task<ReviewQueueModel> PrepareReviewQueueModelAsync();
}

/// <inheritdoc />
public class MyPayGaAdminModelFactory : IMyPayGaAdminModelFactory
{
    private readonly IPaymentAttemptStore _attemptStore;
    private readonly IMyPayGaRefundService _refundService;
    private readonly IMyPayGaReviewDecisionService _decisions;
    private readonly IMyPayGaPaymentLinkService _links;
    private readonly IMyPayGaReviewQueueService _queue;
    private readonly IMyPayGaPaymentLinkMailer _mailer;
    private readonly IXafAmountFormatter _xaf;
    private readonly ILocalizationService _localizationService;

    public MyPayGaAdminModelFactory(IPaymentAttemptStore attemptStore,
        IMyPayGaRefundService refundService,
        IMyPayGaReviewDecisionService decisions,
        IMyPayGaPaymentLinkService links,
        IMyPayGaReviewQueueService queue,
        IMyPayGaPaymentLinkMailer mailer,
        IXafAmountFormatter xaf,
        ILocalizationService localizationService)
    {
        _attemptStore = attemptStore;
        _refundService = refundService;
        _decisions = decisions;
        _links = links;
        _queue = queue;
        _mailer = mailer;
        _xaf = xaf;
        _localizationService = localizationService;
    }

    public async Task<OrderPanelModel> PrepareOrderPanelModelAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var attempts = await _attemptStore.GetAttemptsAsync(order);
        var refunds = await _refundService.GetRefundsAsync(order.Id);
        var byId = attempts.ToDictionary(a => a.Id);

        var attemptModels = new List<AttemptPanelModel>(attempts.Count);
        foreach (var attempt in attempts.OrderByDescending(a => a.Number))
            attemptModels.Add(await PrepareAttemptAsync(attempt));

        var refundModels = new List<RefundPanelModel>(refunds.Count);
        foreach (var refund in refunds.OrderByDescending(r => r.Id))
            refundModels.Add(await PrepareRefundAsync(refund, byId.GetValueOrDefault(refund.AttemptId)));

        var warnings = new List<PanelWarning>();
        foreach (var attempt in attempts.Where(a => a.ReviewedOnUtc is null))
        {
            var key = attempt.Status switch
            {
                AttemptStatus.HeldForReview => PanelKeys.WarningHeld,
                AttemptStatus.AmountMismatch => PanelKeys.WarningMismatch,
                AttemptStatus.DoublePayment => PanelKeys.WarningDoublePayment,
                AttemptStatus.PaidOrderClosed => PanelKeys.WarningPaidOrderClosed,
                AttemptStatus.TimedOut => PanelKeys.WarningTimedOut,
                _ => null,
            };
            if (key is not null)
                warnings.Add(new PanelWarning(attempt.Status.ToString(), await TextAsync(key, attempt.UniqueId,
                    await _xaf.FormatAsync(attempt.ReceivedAmountXaf ?? attempt.AmountXaf))));
        }

        foreach (var refund in refunds.Where(r => r.Status == RefundStatus.Unknown))
            warnings.Add(new PanelWarning("RefundUnknown", await TextAsync(PanelKeys.WarningRefundUnknown,
                refund.RefundId ?? "-", await _xaf.FormatAsync(refund.AmountXaf))));

        var proposal = await _links.ProposeAsync(order);
        var openLink = attemptModels.FirstOrDefault(a => a is { IsLink: true, CanCancelLink: true });
        return new OrderPanelModel
        {
            OrderId = order.Id,
            OrderNumber = MyPayGaCheckoutService.OrderNumber(order),
            OutstandingXaf = proposal.AmountXaf > 0 ? await _xaf.FormatAsync(proposal.AmountXaf) : null,
            Attempts = attemptModels,
            Refunds = refundModels,
            Warnings = warnings,
            CanCreateLink = proposal.Refusal is null,
            LinkRefusal = proposal.Refusal,
            OpenLink = openLink,
        };
    }

    public async Task<ConfirmModel> PrepareDecisionModelAsync(Order order, int attemptId, ReviewDecision decision)
    {
        ArgumentNullException.ThrowIfNull(order);
        var attempt = (await _attemptStore.GetAttemptsAsync(order)).FirstOrDefault(a => a.Id == attemptId);
        var model = new ConfirmModel
        {
            OrderId = order.Id,
            OrderNumber = MyPayGaCheckoutService.OrderNumber(order),
            Action = "Decide",
            AttemptId = attemptId,
            Decision = decision,
            Title = await TextAsync(DecisionLabelKey(decision)),
            ConfirmLabel = await TextAsync(DecisionLabelKey(decision)),
            ConfirmCss = decision == ReviewDecision.Accept ? "btn-success" : "btn-danger",
        };
        if (attempt is null)
            return model with { Refusal = await TextAsync(PanelKeys.DecisionNotFound) };

        var refundable = decision == ReviewDecision.Accept ? 0 : await _refundService.GetRefundableAsync(attempt);
        var facts = new List<KeyValuePair<string, string>>
        {
            new(await TextAsync(PanelKeys.ColumnReference), attempt.UniqueId),
            new(await TextAsync(PanelKeys.ColumnStatus), await StatusTextAsync(attempt.Status)),
            new(await TextAsync(PanelKeys.ColumnAmount), await _xaf.FormatAsync(attempt.AmountXaf)),
        };
        if (attempt.ReceivedAmountXaf is { } received)
            facts.Add(new(await TextAsync(PanelKeys.ColumnReceived), await _xaf.FormatAsync(received)));
        if (decision != ReviewDecision.Accept)
            facts.Add(new(await TextAsync(PanelKeys.ConfirmRefundAmount), await _xaf.FormatAsync(refundable)));
        if (attempt.PaymentToken is not null)
            facts.Add(new(await TextAsync(PanelKeys.ColumnToken), attempt.PaymentToken));

        var refusal = !_decisions.AvailableDecisions(attempt).Contains(decision)
            ? await TextAsync(PanelKeys.DecisionNotAvailable, attempt.UniqueId)
            : decision != ReviewDecision.Accept && refundable <= 0 ? await TextAsync(LedgerKeys.RefundNothingLeft, attempt.UniqueId)
            : null;
        return model with
        {
            Explanation = await TextAsync(DecisionExplanationKey(decision)),
            Facts = facts,
            Refusal = refusal,
        };
    }

    public async Task<ConfirmModel> PrepareLinkModelAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var proposal = await _links.ProposeAsync(order);
        var facts = new List<KeyValuePair<string, string>>();
        if (proposal.AmountXaf > 0)
        {
            facts.Add(new(await TextAsync(PanelKeys.ColumnAmount), await _xaf.FormatAsync(proposal.AmountXaf)));
            facts.Add(new(await TextAsync(PanelKeys.ConfirmCustomer), $"{proposal.FirstName} {proposal.LastName}".Trim()));
            facts.Add(new(await TextAsync(PanelKeys.ConfirmEmail), proposal.Email));
            facts.Add(new(await TextAsync(PanelKeys.ColumnPhone), PhoneDisplay.Mask(proposal.Phone) ?? "-"));
            facts.Add(new(await TextAsync(PanelKeys.ConfirmDescription), proposal.Description));
        }

        return new ConfirmModel
        {
            OrderId = order.Id,
            OrderNumber = MyPayGaCheckoutService.OrderNumber(order),
            Action = "CreateLink",
            Title = await TextAsync(PanelKeys.LinkCreate),
            Explanation = await TextAsync(PanelKeys.LinkExplanation),
            Facts = facts,
            ConfirmLabel = await TextAsync(PanelKeys.LinkCreate),
            ConfirmCss = "btn-primary",
            OfferEmail = true,
            Refusal = proposal.Refusal,
        };
    }

    public async Task<ConfirmModel> PrepareLinkMailModelAsync(Order order, int attemptId)
    {
        ArgumentNullException.ThrowIfNull(order);
        var proposal = await _mailer.ProposeAsync(order, attemptId);
        var facts = new List<KeyValuePair<string, string>>();
        if (proposal.Link is { } link)
        {
            facts.Add(new(await TextAsync(PanelKeys.ColumnReference), link.UniqueId));
            facts.Add(new(await TextAsync(PanelKeys.ColumnAmount), await _xaf.FormatAsync(link.AmountXaf)));
            if (link.LinkUrl is not null)
                facts.Add(new(await TextAsync(MailKeys.FactLink), link.LinkUrl));
        }

        if (proposal.ExpiresOnUtc is { } expiresOn)
            facts.Add(new(await TextAsync(MailKeys.FactExpiresOn), Utc(expiresOn)));
        if (proposal.ToEmail is not null)
            facts.Add(new(await TextAsync(MailKeys.FactRecipient), string.IsNullOrEmpty(proposal.ToName) ? proposal.ToEmail : $"{proposal.ToName} <{proposal.ToEmail}>"));
        facts.Add(new(await TextAsync(MailKeys.FactTemplate), MyPayGaDefaults.PaymentLinkMessageTemplate));
        if (proposal.Language is { } language)
            facts.Add(new(await TextAsync(MailKeys.FactLanguage), language.Name));
        foreach (var account in proposal.Sends.Select(s => s.Account).DistinctBy(a => a.Id))
            facts.Add(new(await TextAsync(MailKeys.FactEmailAccount), string.IsNullOrEmpty(account.DisplayName) ? account.Email : $"{account.DisplayName} <{account.Email}>"));

        return new ConfirmModel
        {
            OrderId = order.Id,
            OrderNumber = MyPayGaCheckoutService.OrderNumber(order),
            Action = "EmailLink",
            AttemptId = attemptId,
            Title = await TextAsync(MailKeys.Send),
            Explanation = await TextAsync(MailKeys.Explanation),
            Facts = facts,
            ConfirmLabel = await TextAsync(MailKeys.Send),
            ConfirmCss = "btn-primary",
            Refusal = proposal.Refusal,
        };
    }

    public async Task<ReviewQueueModel> PrepareReviewQueueModelAsync()
    {
        var items = await _queue.GetItemsAsync();
        var groups = new List<ReviewQueueGroupModel>();
        foreach (var kind in Enum.GetValues<ReviewQueueKind>())
        {
            var rows = new List<ReviewQueueRowModel>();
            foreach (var item in items.Where(i => i.Kind == kind).OrderBy(i => i.SinceUtc))
            {
                var amount = item.Refund is { } refund ? await _xaf.FormatAsync(refund.AmountXaf)
                    : item.Attempt is { } attempt ? await _xaf.FormatAsync(attempt.ReceivedAmountXaf ?? attempt.AmountXaf)
                    : null;
                var reference = item.Refund?.RefundId ?? item.Attempt?.UniqueId;
                var detail = item.Refund?.Message ?? item.Attempt?.LastProviderMessage ?? item.Attempt?.LastProviderStatus;
                rows.Add(new ReviewQueueRowModel(item.Order.Id, MyPayGaCheckoutService.OrderNumber(item.Order), reference, amount,
                    Utc(item.SinceUtc), detail));
            }

            groups.Add(new ReviewQueueGroupModel(kind, await TextAsync(PanelKeys.QueueTitle(kind)),
                await TextAsync(PanelKeys.QueueExplanation(kind)), rows));
        }

        var runs = (await _queue.GetRecentRunsAsync()).Select(r => new ReconciliationRunModel(Utc(r.StartedOnUtc), r.OrdersRead,
            r.Settled, r.Expired, r.Unreadable, r.TimedOut, r.RefundsResolved, r.DurationMs)).ToList();
        return new ReviewQueueModel { Groups = groups, Runs = runs };
    }

    private async Task<AttemptPanelModel> PrepareAttemptAsync(MyPayGaAttempt attempt)
    {
        var isLink = attempt.Channel == PaymentChannel.Link;
        var liveLink = isLink && attempt.LinkReference is not null && attempt.Status is AttemptStatus.Open or AttemptStatus.TimedOut;
        return new AttemptPanelModel
        {
            Id = attempt.Id,
            Number = attempt.Number,
            UniqueId = attempt.UniqueId,
            Channel = await TextAsync(attempt.Channel switch
            {
                PaymentChannel.Card => ServiceKeys.ChannelCard,
                PaymentChannel.Link => PanelKeys.ChannelLink,
                _ => ServiceKeys.ChannelMobileMoney,
            }),
            IsLink = isLink,
            MaskedPhone = PhoneDisplay.Mask(attempt.Phone),
            Amount = await _xaf.FormatAsync(attempt.AmountXaf),
            Received = attempt.ReceivedAmountXaf is { } received ? await _xaf.FormatAsync(received) : null,
            Token = attempt.PaymentToken,
            Status = await StatusTextAsync(attempt.Status),
            StatusCss = StatusCss(attempt.Status),
            LastProviderStatus = attempt.LastProviderStatus,
            LastReadOn = attempt.LastReadOnUtc is { } read ? Utc(read) : null,
            CreatedOn = Utc(attempt.CreatedOnUtc),
            CreatedBy = attempt.CreatedBy,
            ReviewNote = attempt.ReviewNote,
            Decisions = _decisions.AvailableDecisions(attempt),
            LinkUrl = attempt.LinkUrl,
            LinkQrSvg = liveLink && attempt.LinkUrl is not null ? QrCodeSvg.Render(attempt.LinkUrl) : null,
            CanCancelLink = liveLink,
            CanEmailLink = liveLink && attempt.Status == AttemptStatus.Open && MyPayGaPaymentLinkMailer.LinkAddress(attempt) is not null,
        };
    }

    private async Task<RefundPanelModel> PrepareRefundAsync(MyPayGaRefund refund, MyPayGaAttempt? attempt) => new()
    {
        Id = refund.Id,
        RefundId = refund.RefundId,
        AttemptUniqueId = attempt?.UniqueId ?? "-",
        Amount = await _xaf.FormatAsync(refund.AmountXaf),
        Status = await TextAsync(PanelKeys.RefundStatus(refund.Status)),
        StatusCss = refund.Status switch
        {
            RefundStatus.Sent => "success",
            RefundStatus.Failed => "secondary",
            RefundStatus.Unknown => "danger",
            _ => "warning",
        },
        RequestedBy = refund.RequestedBy,
        CreatedOn = Utc(refund.CreatedOnUtc),
        Message = refund.Message,
    };

    internal static string StatusCss(AttemptStatus status) => status switch
    {
        AttemptStatus.Paid => "success",
        AttemptStatus.Open or AttemptStatus.Starting => "info",
        AttemptStatus.HeldForReview or AttemptStatus.AmountMismatch or AttemptStatus.DoublePayment or AttemptStatus.PaidOrderClosed => "danger",
        AttemptStatus.TimedOut => "warning",
        _ => "secondary",
    };

    public static string DecisionLabelKey(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Accept => PanelKeys.DecisionAccept,
        ReviewDecision.RefundAndCancel => PanelKeys.DecisionRefundAndCancel,
        ReviewDecision.RefundReceived => PanelKeys.DecisionRefundReceived,
        _ => PanelKeys.DecisionRefundAttempt,
    };

    private static string DecisionExplanationKey(ReviewDecision decision) => DecisionLabelKey(decision) + ".Explanation";

    private Task<string> StatusTextAsync(AttemptStatus status) => TextAsync(PanelKeys.AttemptStatus(status));

    /// <summary>Dates in the admin's panel: UTC, said so (the same on every instance and for every admin).</summary>
    internal static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private async Task<string> TextAsync(string key, params object?[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }
}
