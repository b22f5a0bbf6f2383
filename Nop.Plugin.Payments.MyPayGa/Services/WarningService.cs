using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Nop.Core;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;
using Nop.Services.Stores;
using static Nop.Plugin.Payments.MyPayGa.Localization.LocaleResources;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>What stops (or will stop) a store from taking MyPayGa payments.</summary>
public enum MyPayGaWarningKind
{
    /// <summary>No XAF currency, or no exchange rate to it: MyPayGa is hidden at checkout.</summary>
    XafUnavailable,
    /// <summary>Keys missing for the selected environment, undecryptable, of the wrong environment...: hidden at checkout.</summary>
    AccountUnusable,
    StoreUrlMissing,
    /// <summary>http://: callbacks and card returns need the store's public https address.</summary>
    StoreUrlNotHttps,
    /// <summary>localhost, 127.x, a private network...: MyPayGa's callbacks can never arrive.</summary>
    StoreUrlNotPublic,
    /// <summary>"MyPayGa: settle pending payments" is missing: orders whose callback never came stay pending.</summary>
    TaskMissing,
    TaskDisabled,
}

/// <summary>One warning, in words a store owner can act on (never a key).</summary>
/// <param name="StoreId">The store it concerns; 0 for the whole installation.</param>
/// <param name="Blocking">True when MyPayGa is hidden at checkout because of it.</param>
public sealed record MyPayGaWarning(MyPayGaWarningKind Kind, string Text, int StoreId = 0, bool Blocking = false);

/// <summary>The checks behind the warnings of the configuration page and of nopCommerce's System › Warnings.</summary>
public interface IMyPayGaWarningService
{
    /// <summary>Store URL and scheduled-task checks for the configuration page's store scope (0: the current store).</summary>
    Task<IReadOnlyList<MyPayGaWarning>> GetStoreWarningsAsync(int storeScope);

    /// <summary>
    /// Every check, for every store where MyPayGa is an active payment method (System › Warnings); empty when it is
    /// active nowhere.
    /// </summary>
    Task<IReadOnlyList<MyPayGaWarning>> GetSystemWarningsAsync();

    /// <summary>Stores where MyPayGa is an active payment method.</summary>
    Task<IReadOnlyList<Store>> GetStoresWhereActiveAsync();
}

/// <inheritdoc />
public class MyPayGaWarningService : IMyPayGaWarningService
{
    private readonly IMyPayGaAccountProvider _accountProvider;
    private readonly IXafAmountService _xafAmountService;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly IStoreContext _storeContext;
    private readonly IScheduleTaskService _scheduleTaskService;
    private readonly ILocalizationService _localizationService;

    public MyPayGaWarningService(IMyPayGaAccountProvider accountProvider,
        IXafAmountService xafAmountService,
        ISettingService settingService,
        IStoreService storeService,
        IStoreContext storeContext,
        IScheduleTaskService scheduleTaskService,
        ILocalizationService localizationService)
    {
        _accountProvider = accountProvider;
        _xafAmountService = xafAmountService;
        _settingService = settingService;
        _storeService = storeService;
        _storeContext = storeContext;
        _scheduleTaskService = scheduleTaskService;
        _localizationService = localizationService;
    }

    public async Task<IReadOnlyList<MyPayGaWarning>> GetStoreWarningsAsync(int storeScope)
    {
        var store = storeScope > 0 ? await _storeService.GetStoreByIdAsync(storeScope) : null;
        store ??= await _storeContext.GetCurrentStoreAsync();

        var warnings = new List<MyPayGaWarning>();
        if (await StoreUrlWarningAsync(store, storeScope) is { } urlWarning)
            warnings.Add(urlWarning);
        if (await TaskWarningAsync() is { } taskWarning)
            warnings.Add(taskWarning);
        return warnings;
    }

    public async Task<IReadOnlyList<MyPayGaWarning>> GetSystemWarningsAsync()
    {
        var stores = await GetStoresWhereActiveAsync();
        if (stores.Count == 0)
            return [];

        var warnings = new List<MyPayGaWarning>();
        if (await _xafAmountService.GetUnavailabilityReasonAsync() is { } xafReason)
            warnings.Add(new(MyPayGaWarningKind.XafUnavailable, await TextAsync(AdminKeys.WarningXafUnavailable, xafReason), Blocking: true));

        foreach (var store in stores)
        {
            var problems = await _accountProvider.GetProblemsAsync(store.Id);
            if (problems.Count > 0)
            {
                warnings.Add(new(MyPayGaWarningKind.AccountUnusable,
                    await TextAsync(AdminKeys.WarningAccountUnusable, string.Join(" ", problems)), store.Id, Blocking: true));
            }

            if (await StoreUrlWarningAsync(store, store.Id) is { } urlWarning)
                warnings.Add(urlWarning);
        }

        if (await TaskWarningAsync() is { } taskWarning)
            warnings.Add(taskWarning);
        return warnings;
    }

    public async Task<IReadOnlyList<Store>> GetStoresWhereActiveAsync()
    {
        var active = new List<Store>();
        foreach (var store in await _storeService.GetAllStoresAsync())
        {
            var paymentSettings = await _settingService.LoadSettingAsync<PaymentSettings>(store.Id);
            if (paymentSettings.ActivePaymentMethodSystemNames?.Contains(MyPayGaDefaults.SystemName, StringComparer.OrdinalIgnoreCase) == true)
                active.Add(store);
        }

        return active;
    }

    private async Task<MyPayGaWarning?> StoreUrlWarningAsync(Store? store, int storeId)
    {
        // Trying the store against the local sandbox: the sandbox calls the store on this computer, which works.
        var settings = await _settingService.LoadSettingAsync<MyPayGaSettings>(storeId);
        if (IsLoopbackUrl(settings.ApiBaseUrlOverride))
            return null;

        var url = store?.Url?.Trim();
        var kind = CheckStoreUrl(url);
        return kind switch
        {
            null => null,
            MyPayGaWarningKind.StoreUrlMissing => new(kind.Value, await TextAsync(AdminKeys.WarningStoreUrlMissing), store?.Id ?? storeId),
            MyPayGaWarningKind.StoreUrlNotHttps => new(kind.Value, await TextAsync(AdminKeys.WarningStoreUrlNotHttps, url!), store?.Id ?? storeId),
            _ => new(kind.Value, await TextAsync(AdminKeys.WarningStoreUrlNotPublic, url!), store?.Id ?? storeId),
        };
    }

    private async Task<MyPayGaWarning?> TaskWarningAsync()
    {
        var task = await _scheduleTaskService.GetTaskByTypeAsync(PendingPaymentReconciliationTask.TaskType);
        if (task is null)
            return new(MyPayGaWarningKind.TaskMissing, await TextAsync(AdminKeys.WarningTaskMissing, PendingPaymentReconciliationTask.TaskName));
        if (!task.Enabled)
            return new(MyPayGaWarningKind.TaskDisabled, await TextAsync(AdminKeys.WarningTaskDisabled, task.Name ?? PendingPaymentReconciliationTask.TaskName));
        return null;
    }

    private async Task<string> TextAsync(string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync(key);
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    /// <summary>
    /// Null when MyPayGa can reach the store at this URL; otherwise why not: no URL, not https, or a host that is not
    /// public (localhost, a loopback, private, link-local or shared address, a name without a dot, .local/.internal).
    /// </summary>
    public static MyPayGaWarningKind? CheckStoreUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return MyPayGaWarningKind.StoreUrlMissing;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return MyPayGaWarningKind.StoreUrlNotPublic;
        if (!IsPublicHost(uri))
            return MyPayGaWarningKind.StoreUrlNotPublic;
        if (uri.Scheme != Uri.UriSchemeHttps)
            return MyPayGaWarningKind.StoreUrlNotHttps;
        return null;
    }

    internal static bool IsLoopbackUrl(string? url) =>
        !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    private static bool IsPublicHost(Uri uri)
    {
        var host = uri.IdnHost.Trim('[', ']').TrimEnd('.');
        if (host.Length == 0 || uri.IsLoopback)
            return false;

        if (IPAddress.TryParse(host, out var address))
            return IsPublicAddress(address);

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || !host.Contains('.', StringComparison.Ordinal))
            return false;

        string[] privateSuffixes = [".localhost", ".local", ".internal", ".lan", ".home.arpa", ".test", ".invalid", ".example"];
        return !privateSuffixes.Any(suffix => host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsPublicAddress(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return false;

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10
                     || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                     || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 169 && b[1] == 254)
                     || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                     || b[0] == 0);
        }

        // IPv6: link-local fe80::/10, site-local, unique local fc00::/7.
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal);
    }
}
