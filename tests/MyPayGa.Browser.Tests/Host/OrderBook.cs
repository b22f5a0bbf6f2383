using System.Collections.Concurrent;
using System.Reflection;
using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Services.Orders;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>
/// The store's data in memory: customers, billing addresses, orders and order notes. Reads hand out copies (like
/// entities loaded from a database), so a change only counts once it is saved with <see cref="UpdateOrderAsync"/>.
/// </summary>
public sealed class OrderBook : IOrderService
{
    private static readonly PropertyInfo[] OrderProperties = typeof(Order).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
        .ToArray();

    private readonly object _gate = new();
    private readonly Dictionary<int, Order> _orders = [];
    private readonly ConcurrentDictionary<int, Customer> _customers = new();
    private readonly ConcurrentDictionary<int, Address> _addresses = new();
    private readonly ConcurrentQueue<OrderNote> _notes = new();
    private int _nextOrderId = 1000;
    private int _nextCustomerId;
    private int _nextNoteId;

    public Customer AddCustomer()
    {
        var id = Interlocked.Increment(ref _nextCustomerId);
        var customer = new Customer
        {
            Id = id,
            Email = $"shopper{id}@example.test",
            FirstName = "Ada",
            LastName = "Moussavou",
            Active = true,
            BillingAddressId = id,
        };
        _customers[id] = customer;
        _addresses[id] = new Address
        {
            Id = id,
            FirstName = "Ada",
            LastName = "Moussavou",
            Email = customer.Email,
            City = "Libreville",
            PhoneNumber = "+241 74 12 34 56",
        };
        return customer;
    }

    public Customer? GetCustomer(int id) => _customers.TryGetValue(id, out var customer) ? customer : null;

    public Address? GetAddress(int id) => _addresses.TryGetValue(id, out var address) ? address : null;

    /// <summary>Stores a new order (id and custom order number assigned here) and returns a copy of it.</summary>
    public Order Place(Order order)
    {
        lock (_gate)
        {
            order.Id = ++_nextOrderId;
            order.CustomOrderNumber = order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _orders[order.Id] = Copy(order);
            return Copy(order);
        }
    }

    /// <summary>The stored state of an order (a copy), for assertions.</summary>
    public Order Get(int orderId)
    {
        lock (_gate)
            return Copy(_orders[orderId]);
    }

    public IReadOnlyList<OrderNote> NotesOf(int orderId) => _notes.Where(n => n.OrderId == orderId).ToList();

    /// <summary>Applies a change to the stored order (what IOrderProcessingService does in the database).</summary>
    internal void Change(int orderId, Action<Order> change)
    {
        lock (_gate)
            change(_orders[orderId]);
    }

    internal static Order Copy(Order order)
    {
        var copy = new Order();
        foreach (var property in OrderProperties)
            property.SetValue(copy, property.GetValue(order));
        return copy;
    }

    private Order? Find(Func<Order, bool> predicate)
    {
        lock (_gate)
            return _orders.Values.FirstOrDefault(predicate) is { } found ? Copy(found) : null;
    }

    #region IOrderService

    public Task<Order> GetOrderByIdAsync(int orderId) => Task.FromResult(Find(o => o.Id == orderId)!);

    public Task<Order> GetOrderByCustomOrderNumberAsync(string customOrderNumber) =>
        Task.FromResult(Find(o => string.Equals(o.CustomOrderNumber, customOrderNumber, StringComparison.Ordinal))!);

    public Task<IList<Order>> GetOrdersByIdsAsync(int[] orderIds)
    {
        lock (_gate)
            return Task.FromResult<IList<Order>>(orderIds.Where(_orders.ContainsKey).Select(id => Copy(_orders[id])).ToList());
    }

    public Task<IList<Order>> GetOrdersByGuidsAsync(Guid[] orderGuids)
    {
        lock (_gate)
            return Task.FromResult<IList<Order>>(_orders.Values.Where(o => orderGuids.Contains(o.OrderGuid)).Select(Copy).ToList());
    }

    public Task<Order> GetOrderByGuidAsync(Guid orderGuid) => Task.FromResult(Find(o => o.OrderGuid == orderGuid)!);

    /// <summary>The filters the plugin uses; newest first, as nopCommerce sorts.</summary>
    public Task<IPagedList<Order>> SearchOrdersAsync(int storeId = 0, int vendorId = 0, int customerId = 0,
        int productId = 0, int affiliateId = 0, int warehouseId = 0, int billingCountryId = 0,
        string? paymentMethodSystemName = null, DateTime? createdFromUtc = null, DateTime? createdToUtc = null,
        List<int>? osIds = null, List<int>? psIds = null, List<int>? ssIds = null, string? billingPhone = null,
        string? billingEmail = null, string billingLastName = "", string? orderNotes = null, int pageIndex = 0,
        int pageSize = int.MaxValue, bool getOnlyTotalCount = false)
    {
        List<Order> found;
        lock (_gate)
        {
            found = _orders.Values
                .Where(o => !o.Deleted)
                .Where(o => storeId == 0 || o.StoreId == storeId)
                .Where(o => customerId == 0 || o.CustomerId == customerId)
                .Where(o => string.IsNullOrEmpty(paymentMethodSystemName) || o.PaymentMethodSystemName == paymentMethodSystemName)
                .Where(o => createdFromUtc is null || o.CreatedOnUtc >= createdFromUtc)
                .Where(o => createdToUtc is null || o.CreatedOnUtc <= createdToUtc)
                .Where(o => osIds is null || osIds.Count == 0 || osIds.Contains(o.OrderStatusId))
                .Where(o => psIds is null || psIds.Count == 0 || psIds.Contains(o.PaymentStatusId))
                .OrderByDescending(o => o.CreatedOnUtc).ThenByDescending(o => o.Id)
                .Select(Copy)
                .ToList();
        }

        return Task.FromResult<IPagedList<Order>>(new PagedList<Order>(found, pageIndex, pageSize));
    }

    public Task InsertOrderAsync(Order order)
    {
        Place(order);
        return Task.CompletedTask;
    }

    public Task UpdateOrderAsync(Order order)
    {
        lock (_gate)
            _orders[order.Id] = Copy(order);
        return Task.CompletedTask;
    }

    public Task<OrderNote> GetOrderNoteByIdAsync(int orderNoteId) =>
        Task.FromResult(_notes.FirstOrDefault(n => n.Id == orderNoteId)!);

    public Task<IList<OrderNote>> GetOrderNotesByOrderIdAsync(int orderId, bool? displayToCustomer = null) =>
        Task.FromResult<IList<OrderNote>>(_notes
            .Where(n => n.OrderId == orderId && (displayToCustomer is null || n.DisplayToCustomer == displayToCustomer))
            .ToList());

    public Task DeleteOrderNoteAsync(OrderNote orderNote) => throw new NotSupportedException("Not used by the plugin's public pages.");

    public string FormatOrderNoteText(OrderNote orderNote) => orderNote.Note;

    public Task InsertOrderNoteAsync(OrderNote orderNote)
    {
        orderNote.Id = Interlocked.Increment(ref _nextNoteId);
        _notes.Enqueue(orderNote);
        return Task.CompletedTask;
    }

    #endregion

    internal static bool IsFinalPayment(Order order) =>
        order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.Refunded or PaymentStatus.Voided;
}
