using System.Collections.Concurrent;
using System.Reflection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>
/// The orders of a fake store, kept like a database would: every load returns a fresh copy and only
/// UpdateOrderAsync (or the order-processing fakes) writes back. So a service that saves a stale copy is caught.
/// </summary>
public sealed class OrderBook
{
    private static readonly PropertyInfo[] Columns = typeof(Order).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0
            && p.Name is not nameof(Order.PaymentStatus) and not nameof(Order.OrderStatus))
        .ToArray();

    private readonly ConcurrentDictionary<int, Order> _rows = new();
    private readonly ConcurrentQueue<OrderNote> _notes = new();
    private readonly object _gate = new();
    private int _nextId = 100;
    private int _markedPaid;
    private int _cancelled;
    private int _updates;

    public int MarkedPaidCount => Volatile.Read(ref _markedPaid);
    public int CancelledCount => Volatile.Read(ref _cancelled);
    public int UpdateCount => Volatile.Read(ref _updates);

    public Order Add(Action<Order>? configure = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var order = new Order
        {
            Id = id,
            OrderGuid = Guid.NewGuid(),
            CustomOrderNumber = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StoreId = 1,
            CustomerId = 7,
            BillingAddressId = 9,
            PaymentMethodSystemName = MyPayGaDefaults.SystemName,
            OrderTotal = 10_000m,
            CreatedOnUtc = DateTime.UtcNow,
        };
        order.PaymentStatus = PaymentStatus.Pending;
        order.OrderStatus = OrderStatus.Pending;
        configure?.Invoke(order);
        _rows[order.Id] = Copy(order);
        return Copy(order);
    }

    /// <summary>Every order (copies).</summary>
    public IReadOnlyList<Order> All() => _rows.Values.Select(Copy).ToList();

    /// <summary>What the database holds now (a copy).</summary>
    public Order Stored(int id) => Copy(_rows[id]);

    public Order? ById(int id) => _rows.TryGetValue(id, out var row) ? Copy(row) : null;

    public Order? ByGuid(Guid guid) => _rows.Values.FirstOrDefault(o => o.OrderGuid == guid) is { } row ? Copy(row) : null;

    public Order? ByCustomNumber(string number) =>
        _rows.Values.FirstOrDefault(o => o.CustomOrderNumber == number) is { } row ? Copy(row) : null;

    public void Save(Order order)
    {
        Interlocked.Increment(ref _updates);
        lock (_gate)
            _rows[order.Id] = Copy(order);
    }

    public void AddNote(OrderNote note) => _notes.Enqueue(note);

    public IReadOnlyList<OrderNote> Notes(int orderId) => _notes.Where(n => n.OrderId == orderId).ToList();

    public IReadOnlyList<string> NoteTexts(int orderId) => Notes(orderId).Select(n => n.Note).ToList();

    public IReadOnlyList<string> AllNoteTexts => _notes.Select(n => n.Note).ToList();

    // Like nopCommerce's OrderProcessingService (the parts the plugin relies on).
    public static bool CanMarkOrderAsPaid(Order order) =>
        order.OrderStatus != OrderStatus.Cancelled
        && order.PaymentStatus is not (PaymentStatus.Paid or PaymentStatus.Refunded or PaymentStatus.Voided);

    public async Task MarkOrderAsPaidAsync(Order order)
    {
        if (!CanMarkOrderAsPaid(order))
            throw new InvalidOperationException("You can't mark this order as paid");
        Interlocked.Increment(ref _markedPaid);
        await Task.Delay(5); // a database round trip: widens any race
        order.PaymentStatus = PaymentStatus.Paid;
        order.PaidDateUtc = DateTime.UtcNow;
        Save(order);
        AddNote(new OrderNote { OrderId = order.Id, Note = "Order has been marked as paid", CreatedOnUtc = DateTime.UtcNow });
    }

    public Task CancelOrderAsync(Order order)
    {
        if (order.OrderStatus == OrderStatus.Cancelled)
            throw new InvalidOperationException("Cannot do cancel for order.");
        Interlocked.Increment(ref _cancelled);
        order.OrderStatus = OrderStatus.Cancelled;
        Save(order);
        AddNote(new OrderNote { OrderId = order.Id, Note = "Order has been cancelled", CreatedOnUtc = DateTime.UtcNow });
        return Task.CompletedTask;
    }

    private static Order Copy(Order source)
    {
        var copy = new Order();
        foreach (var column in Columns)
            column.SetValue(copy, column.GetValue(source));
        return copy;
    }
}
