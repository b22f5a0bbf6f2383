using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support;

/// <summary>
/// nopCommerce's IRepository over a list, behaving like a table: identity ids, a unique key enforced atomically (the
/// second insert throws a DbException, as a database provider would), and a fresh copy on every read and write, so a
/// service that keeps or saves a stale copy is caught. The guarantees that rest on a real database are tested against
/// PostgreSQL too (PostgresRepository).
/// </summary>
public sealed class InMemoryRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private static readonly PropertyInfo[] Columns = typeof(TEntity).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && !p.PropertyType.IsEnum)
        .ToArray();

    private readonly object _gate = new();
    private readonly List<TEntity> _rows = [];
    private readonly Func<TEntity, string>? _uniqueKey;
    private int _nextId;
    private int _inserts;
    private int _updates;
    private int _reads;

    public InMemoryRepository(Func<TEntity, string>? uniqueKey = null)
    {
        _uniqueKey = uniqueKey;
    }

    public int InsertCount => Volatile.Read(ref _inserts);
    public int UpdateCount => Volatile.Read(ref _updates);

    /// <summary>Queries run (GetAllAsync, GetByIdAsync): what a round trip to the table would cost.</summary>
    public int ReadCount => Volatile.Read(ref _reads);

    /// <summary>Copies of every row, for assertions.</summary>
    public IReadOnlyList<TEntity> Rows
    {
        get
        {
            lock (_gate)
                return _rows.Select(Copy).ToList();
        }
    }

    /// <summary>Fails the next insert with a database error that is not a key conflict (tests of failure paths).</summary>
    public Func<TEntity, Exception?>? FailInsert { get; set; }

    public Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (FailInsert?.Invoke(entity) is { } failure)
            throw failure;
        lock (_gate)
        {
            if (_uniqueKey is not null)
            {
                var key = _uniqueKey(entity);
                if (_rows.Any(row => string.Equals(_uniqueKey(row), key, StringComparison.Ordinal)))
                    throw new UniqueViolationException($"duplicate key value violates unique constraint ({typeof(TEntity).Name}: {key})");
            }

            entity.Id = ++_nextId;
            _rows.Add(Copy(entity));
            _inserts++;
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            var index = _rows.FindIndex(row => row.Id == entity.Id);
            if (index < 0)
                return Task.CompletedTask; // an UPDATE that matches no row changes nothing
            if (_uniqueKey is not null)
            {
                var key = _uniqueKey(entity);
                if (_rows.Any(row => row.Id != entity.Id && string.Equals(_uniqueKey(row), key, StringComparison.Ordinal)))
                    throw new UniqueViolationException($"duplicate key value violates unique constraint ({typeof(TEntity).Name}: {key})");
            }

            _rows[index] = Copy(entity);
            _updates++;
        }

        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate)
    {
        var test = predicate.Compile();
        lock (_gate)
            return Task.FromResult(_rows.RemoveAll(row => test(row)));
    }

    public Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        lock (_gate)
            _rows.RemoveAll(row => row.Id == entity.Id);
        return Task.CompletedTask;
    }

    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true)
    {
        Interlocked.Increment(ref _reads);
        List<TEntity> snapshot;
        lock (_gate)
            snapshot = _rows.Select(Copy).ToList();
        var query = snapshot.AsQueryable();
        IList<TEntity> result = (func is null ? query : func(query)).ToList();
        return Task.FromResult(result);
    }

    public async Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false) =>
        (await GetAllAsync(q => q.Where(row => row.Id == id))).FirstOrDefault()!;

    public IQueryable<TEntity> Table => Rows.AsQueryable();

    private static TEntity Copy(TEntity source)
    {
        var copy = (TEntity)Activator.CreateInstance(typeof(TEntity))!;
        foreach (var column in Columns)
            column.SetValue(copy, column.GetValue(source));
        copy.Id = source.Id;
        return copy;
    }

    // ---- not used by the plugin ----
    public TEntity GetById(int? id, Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true) => throw new NotSupportedException();
    public Task<IList<TEntity>> GetByIdsAsync(IList<int> ids, Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true) => throw new NotSupportedException();
    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>>? func = null, Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true) => throw new NotSupportedException();
    public IList<TEntity> GetAll(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null, Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true) => throw new NotSupportedException();
    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func, Func<ICacheKeyService, Task<CacheKey>> getCacheKey, bool includeDeleted = true) => throw new NotSupportedException();
    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true) => throw new NotSupportedException();
    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>>? func = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true) => throw new NotSupportedException();
    public void Insert(TEntity entity, bool publishEvent = true) => throw new NotSupportedException();
    public Task InsertAsync(IList<TEntity> entities, bool publishEvent = true) => throw new NotSupportedException();
    public void Insert(IList<TEntity> entities, bool publishEvent = true) => throw new NotSupportedException();
    public void Update(TEntity entity, bool publishEvent = true) => throw new NotSupportedException();
    public Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true) => throw new NotSupportedException();
    public void Update(IList<TEntity> entities, bool publishEvent = true) => throw new NotSupportedException();
    public void Delete(TEntity entity, bool publishEvent = true) => throw new NotSupportedException();
    public Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true) => throw new NotSupportedException();
    public void Delete(IList<TEntity> entities, bool publishEvent = true) => throw new NotSupportedException();
    public int Delete(Expression<Func<TEntity, bool>> predicate) => throw new NotSupportedException();
    public Task<TEntity> LoadOriginalCopyAsync(TEntity entity) => throw new NotSupportedException();
    public Task TruncateAsync(bool resetIdentity = false) => throw new NotSupportedException();
}

/// <summary>What a database provider throws for a second row with the same unique key (SQLSTATE 23505, as PostgreSQL).</summary>
public sealed class UniqueViolationException(string message) : DbException(message)
{
    public override string SqlState => "23505";
}
