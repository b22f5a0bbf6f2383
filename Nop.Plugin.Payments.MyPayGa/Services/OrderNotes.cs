using Nop.Core.Domain.Orders;
using Nop.Services.Orders;

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
