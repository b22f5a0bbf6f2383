using System.Linq.Expressions;
using System.Reflection;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace MyPayGa.Benchmarks.Plugin;

/// <summary>
/// nopCommerce's IRepository over a dictionary for the plugin benchmarks: the tests' InMemoryRepository copies every row
/// by reflection on each read (it checks that no service keeps a stale copy), which would dominate what is measured
/// here. Queries see the stored rows and return shallow copies; a unique key is enforced under a lock.
/// </summary>
public sealed class FastRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private static readonly Func<TEntity, TEntity> Clone = BuildClone();

    private readonly object _gate = new();
    private readonly Dictionary<int, TEntity> _rows = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Func<TEntity, string>? _uniqueKey;
    private TEntity[] _snapshot = [];
    private int _nextId;

    public FastRepository(Func<TEntity, string>? uniqueKey = null)
    {
        _uniqueKey = uniqueKey;
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _rows.Count;
        }
    }

    public Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        lock (_gate)
        {
            if (_uniqueKey is not null && !_keys.Add(_uniqueKey(entity)))
                throw new InvalidOperationException($"duplicate key ({typeof(TEntity).Name})");
            entity.Id = ++_nextId;
            _rows[entity.Id] = Clone(entity);
            _snapshot = [.. _rows.Values];
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        lock (_gate)
        {
            if (_rows.ContainsKey(entity.Id))
            {
                _rows[entity.Id] = Clone(entity);
                _snapshot = [.. _rows.Values];
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate)
    {
        var match = predicate.Compile();
        lock (_gate)
        {
            var gone = _rows.Values.Where(match).ToList();
            foreach (var row in gone)
            {
                _rows.Remove(row.Id);
                if (_uniqueKey is not null)
                    _keys.Remove(_uniqueKey(row));
            }

            if (gone.Count > 0)
                _snapshot = [.. _rows.Values];
            return Task.FromResult(gone.Count);
        }
    }

    public Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        var id = entity.Id;
        return DeleteAsync(row => row.Id == id);
    }

    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true)
    {
        var rows = Volatile.Read(ref _snapshot).AsQueryable();
        IList<TEntity> result = (func is null ? rows : func(rows)).AsEnumerable().Select(Clone).ToList();
        return Task.FromResult(result);
    }

    public Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false)
    {
        lock (_gate)
            return Task.FromResult(id is { } key && _rows.TryGetValue(key, out var row) ? Clone(row) : null!);
    }

    public IQueryable<TEntity> Table => Volatile.Read(ref _snapshot).Select(Clone).AsQueryable();

    private static Func<TEntity, TEntity> BuildClone()
    {
        var method = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var clone = method.CreateDelegate<Func<object, object>>();
        return entity => (TEntity)clone(entity);
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
