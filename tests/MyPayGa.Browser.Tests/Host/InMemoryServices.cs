using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;
using Nop.Services.Common;
using NopLogger = Nop.Services.Logging.ILogger;

namespace MyPayGa.Browser.Tests.Host;

/// <summary>Generic attributes kept as strings per (entity type, id, key, store), as nopCommerce stores them.</summary>
public sealed class InMemoryGenericAttributeService : IGenericAttributeService
{
    private readonly ConcurrentDictionary<(string Group, int Id, string Key, int Store), string> _values = new();

    public Task SaveAttributeAsync<TPropType>(BaseEntity entity, string key, TPropType value, int storeId = 0)
    {
        var id = (entity.GetType().Name, entity.Id, key, storeId);
        var text = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(text))
            _values.TryRemove(id, out _);
        else
            _values[id] = text;
        return Task.CompletedTask;
    }

    public Task<TPropType> GetAttributeAsync<TPropType>(BaseEntity entity, string key, int storeId = 0, TPropType defaultValue = default!) =>
        Task.FromResult(Read(entity.GetType().Name, entity.Id, key, storeId, defaultValue));

    public Task<TPropType> GetAttributeAsync<TEntity, TPropType>(int entityId, string key, int storeId = 0, TPropType defaultValue = default!)
        where TEntity : BaseEntity =>
        Task.FromResult(Read(typeof(TEntity).Name, entityId, key, storeId, defaultValue));

    private TPropType Read<TPropType>(string group, int id, string key, int storeId, TPropType defaultValue)
    {
        if (!_values.TryGetValue((group, id, key, storeId), out var text))
            return defaultValue;
        return (TPropType)TypeDescriptor.GetConverter(typeof(TPropType)).ConvertFromInvariantString(text)!;
    }

    private static NotSupportedException NotUsed() => new("Not used by the plugin.");

    public Task DeleteAttributeAsync(GenericAttribute attribute) => throw NotUsed();
    public Task DeleteAttributesAsync(IList<GenericAttribute> attributes) => throw NotUsed();
    public Task DeleteAttributesAsync<TEntity>(string key) => throw NotUsed();
    public Task InsertAttributeAsync(GenericAttribute attribute) => throw NotUsed();
    public Task UpdateAttributeAsync(GenericAttribute attribute) => throw NotUsed();
    public Task<IList<GenericAttribute>> GetAttributesForEntityAsync(int entityId, string keyGroup) => throw NotUsed();
}

/// <summary>nopCommerce's distributed-lock contract: the action runs only when nobody holds the key; no waiting.</summary>
public sealed class InMemoryLocker : ILocker
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
    {
        if (!_held.TryAdd(resource, 0))
            return false;
        try
        {
            await action();
            return true;
        }
        finally
        {
            _held.TryRemove(resource, out _);
        }
    }

    public Task RunWithHeartbeatAsync(string key, TimeSpan expirationTime, TimeSpan heartbeatInterval,
        Func<CancellationToken, Task> action, CancellationTokenSource? cancellationTokenSource = default) =>
        throw new NotSupportedException("Not used by the plugin.");

    public Task CancelTaskAsync(string key, TimeSpan expirationTime) => throw new NotSupportedException("Not used by the plugin.");

    public Task<bool> IsTaskRunningAsync(string key) => Task.FromResult(_held.ContainsKey(key));
}

/// <summary>nopCommerce's log, kept in memory: warnings and errors are printed when a test fails.</summary>
public sealed class MemoryLog : NopLogger
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToArray();

    public void Clear() => _entries.Clear();

    public bool IsEnabled(LogLevel level) => true;

    public Task InsertLogAsync(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer? customer = null)
    {
        InsertLog(logLevel, shortMessage, fullMessage, customer);
        return Task.CompletedTask;
    }

    public void InsertLog(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer? customer = null) =>
        _entries.Enqueue($"{logLevel}: {shortMessage}{(string.IsNullOrEmpty(fullMessage) ? "" : " | " + fullMessage)}");

    public Task InformationAsync(string message, Exception? exception = null, Customer? customer = null) =>
        InsertLogAsync(LogLevel.Information, message, exception?.ToString() ?? "");

    public void Information(string message, Exception? exception = null, Customer? customer = null) =>
        InsertLog(LogLevel.Information, message, exception?.ToString() ?? "");

    public Task WarningAsync(string message, Exception? exception = null, Customer? customer = null) =>
        InsertLogAsync(LogLevel.Warning, message, exception?.ToString() ?? "");

    public void Warning(string message, Exception? exception = null, Customer? customer = null) =>
        InsertLog(LogLevel.Warning, message, exception?.ToString() ?? "");

    public Task ErrorAsync(string message, Exception? exception = null, Customer? customer = null) =>
        InsertLogAsync(LogLevel.Error, message, exception?.ToString() ?? "");

    public void Error(string message, Exception? exception = null, Customer? customer = null) =>
        InsertLog(LogLevel.Error, message, exception?.ToString() ?? "");
}
