using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.MyPayGa.Services;

/// <summary>Order notes written by the plugin: for the admin only, never keys, phones masked.</summary>
internal static class OrderNotes
{
    /// <summary>Prefix of every note, so MyPayGa events stand out in the order's history.</summary>
    public const string Prefix = "MyPayGa: ";

    public static Task AddMyPayGaNoteAsync(this IOrderService orderService, Order order, string text) =>
        orderService.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = Prefix + text,
            DisplayToCustomer = false,
            CreatedOnUtc = DateTime.UtcNow,
        });
}

/// <summary>
/// Writes the plugin's order notes in the store's default language: notes are for the owner, whoever's request (a
/// French shopper's page, MyPayGa's callback, the scheduled task) happened to cause them.
/// </summary>
public interface IOrderNoteWriter
{
    Task AddAsync(Order order, string resourceKey, params object?[] args);

    /// <summary>The text of a resource in the store's default language, formatted with <paramref name="args"/>.</summary>
    Task<string> TextAsync(int storeId, string resourceKey, params object?[] args);
}

public class OrderNoteWriter : IOrderNoteWriter
{
    private readonly IOrderService _orderService;
    private readonly ILocalizationService _localizationService;
    private readonly IStoreService _storeService;
    private readonly ILanguageService _languageService;

    public OrderNoteWriter(IOrderService orderService, ILocalizationService localizationService,
        IStoreService storeService, ILanguageService languageService)
    {
        _orderService = orderService;
        _localizationService = localizationService;
        _storeService = storeService;
        _languageService = languageService;
    }

    public async Task AddAsync(Order order, string resourceKey, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(order);
        await _orderService.AddMyPayGaNoteAsync(order, await TextAsync(order.StoreId, resourceKey, args));
    }

    public async Task<string> TextAsync(int storeId, string resourceKey, params object?[] args)
    {
        var languageId = await DefaultLanguageIdAsync(storeId);
        var text = languageId > 0
            ? await _localizationService.GetResourceAsync(resourceKey, languageId, logIfNotFound: false, defaultValue: string.Empty, returnEmptyIfNotFound: true)
            : null;
        if (string.IsNullOrEmpty(text))
            text = await _localizationService.GetResourceAsync(resourceKey);
        if (args.Length == 0)
            return text;
        try
        {
            return string.Format(CultureInfo.InvariantCulture, text, args);
        }
        catch (FormatException)
        {
            // A translation edited by the owner with a broken placeholder must not lose the note.
            return text + " " + string.Join(" | ", args);
        }
    }

    private async Task<int> DefaultLanguageIdAsync(int storeId)
    {
        var store = storeId > 0 ? await _storeService.GetStoreByIdAsync(storeId) : null;
        if (store is { DefaultLanguageId: > 0 })
            return store.DefaultLanguageId;
        var languages = await _languageService.GetAllLanguagesAsync(showHidden: false, storeId: storeId);
        return languages?.FirstOrDefault()?.Id ?? 0;
    }
}
