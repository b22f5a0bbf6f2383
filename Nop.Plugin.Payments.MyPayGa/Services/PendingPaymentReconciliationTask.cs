using System.Globalization;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.MyPayGa.Domain;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>
/// Scheduled task (System → Schedule tasks, every 5 minutes): re-reads the MyPayGa orders still waiting for payment,
/// for when the callback never came, and cancels those older than the store's PendingPaymentExpiryMinutes that
/// MyPayGa does not report as paid. nopCommerce creates it from its type name; it is not registered in DI.
/// </summary>
public class PendingPaymentReconciliationTask : IScheduleTask
{
    public const string TaskName = "MyPayGa: settle pending payments";
    public const int PeriodSeconds = 300;

    /// <summary>What nopCommerce stores in ScheduleTask.Type to create the task.</summary>
    public static readonly string TaskType = typeof(PendingPaymentReconciliationTask).FullName!;

    /// <summary>At most this many orders per run (the oldest); the rest wait for the next run.</summary>
    internal const int MaxOrdersPerRun = 500;
    internal const int PageSize = 100;

    private static readonly List<int> PendingPaymentStatus = [(int)PaymentStatus.Pending];
    private static readonly List<int> OpenOrderStatuses =
        [(int)OrderStatus.Pending, (int)OrderStatus.Processing, (int)OrderStatus.Complete];

    private readonly IPaymentStatusProcessor _processor;
    private readonly IOrderService _orderService;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly ISettingService _settingService;
    private readonly ILocalizationService _localizationService;
    private readonly ILocker _locker;
    private readonly ILogger _logger;

    public PendingPaymentReconciliationTask(IPaymentStatusProcessor processor,
        IOrderService orderService,
        IOrderProcessingService orderProcessingService,
        ISettingService settingService,
        ILocalizationService localizationService,
        ILocker locker,
        ILogger logger)
    {
        _processor = processor;
        _orderService = orderService;
        _orderProcessingService = orderProcessingService;
        _settingService = settingService;
        _localizationService = localizationService;
        _locker = locker;
        _logger = logger;
    }

    public Task ExecuteAsync() => RunAsync(DateTime.UtcNow);

    /// <summary>One run at <paramref name="nowUtc"/>. Sequential on purpose: the scoped nopCommerce services are not thread-safe.</summary>
    internal async Task RunAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        foreach (var order in await FindPendingOrdersAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await SettleAsync(order, nowUtc, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Type and message only: the processor's and client's messages carry no keys.
                await _logger.ErrorAsync($"MyPayGa: the pending payment of order {order.Id} could not be checked ({ex.GetType().Name}: {ex.Message}); the next run tries again.");
            }
        }
    }

    /// <summary>The oldest pending MyPayGa orders (nopCommerce lists newest first, so the pages are read from the end).</summary>
    private async Task<List<Order>> FindPendingOrdersAsync()
    {
        var count = await SearchAsync(0, getOnlyTotalCount: true);
        var pages = count.TotalPages;
        var orders = new List<Order>();
        for (var pageIndex = pages - 1; pageIndex >= 0 && orders.Count < MaxOrdersPerRun; pageIndex--)
        {
            var page = await SearchAsync(pageIndex, getOnlyTotalCount: false);
            orders.AddRange(page.OrderBy(o => o.CreatedOnUtc).ThenBy(o => o.Id));
        }

        return orders
            .Where(o => !o.Deleted && o.OrderStatus != OrderStatus.Cancelled && o.PaymentStatus == PaymentStatus.Pending)
            .Take(MaxOrdersPerRun)
            .ToList();
    }

    private Task<Nop.Core.IPagedList<Order>> SearchAsync(int pageIndex, bool getOnlyTotalCount) =>
        _orderService.SearchOrdersAsync(storeId: 0, paymentMethodSystemName: MyPayGaDefaults.SystemName,
            osIds: OpenOrderStatuses, psIds: PendingPaymentStatus,
            pageIndex: pageIndex, pageSize: PageSize, getOnlyTotalCount: getOnlyTotalCount);

    private async Task SettleAsync(Order order, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var snapshot = await _processor.ProcessAsync(order, StatusTrigger.Reconciliation, cancellationToken);
        switch (snapshot.State)
        {
            case PaymentState.ProviderUnavailable:
                await _logger.WarningAsync($"MyPayGa: order {order.Id} is still pending and MyPayGa could not be read; it is not expired on this run.");
                return;
            case PaymentState.Paid or PaymentState.HeldForReview or PaymentState.AmountMismatch:
                return;
        }

        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(order.StoreId);
        var expiry = settings.PendingPaymentExpiryMinutes;
        if (expiry <= 0 || nowUtc - order.CreatedOnUtc < TimeSpan.FromMinutes(expiry))
            return;

        // Under the order's lock, on what the database holds now: a callback may be marking it paid at this moment.
        var acquired = await _locker.PerformActionWithLockAsync(PaymentStatusProcessor.LockKey(order),
            PaymentStatusProcessor.SettleLockTime, async () =>
            {
                var fresh = await _orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order;
                if (fresh.Deleted || fresh.PaymentStatus != PaymentStatus.Pending || !_orderProcessingService.CanCancelOrder(fresh))
                    return;

                await _orderProcessingService.CancelOrderAsync(fresh, notifyCustomer: false);
                var text = string.Format(CultureInfo.InvariantCulture,
                    await _localizationService.GetResourceAsync(ServiceKeys.NoteExpired), expiry);
                await _orderService.AddMyPayGaNoteAsync(fresh, text);
            });
        // Busy: someone else is settling the order right now; the next run looks again.
        if (!acquired)
            await _logger.InformationAsync($"MyPayGa: order {order.Id} was busy; its expiry is left to the next run.");
    }
}
