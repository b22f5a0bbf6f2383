using System.Linq.Expressions;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Payments.MyPayGa.Tests.Support.Database;

/// <summary>
/// nopCommerce's IRepository over a real PostgreSQL table through linq2db, as nopCommerce's EntityRepository does (a
/// connection per operation; inserts return the identity; a duplicate key is the provider's PostgresException).
/// </summary>
public sealed class PostgresRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private readonly DataOptions _options;
    private int _inserts;
    private int _reads;
    private int _updates;

    public PostgresRepository(string connectionString, MappingSchema mappingSchema)
    {
        _options = new DataOptions().UsePostgreSQL(connectionString).UseMappingSchema(mappingSchema);
    }

    public int InsertCount => Volatile.Read(ref _inserts);

    /// <summary>Queries run (GetAllAsync, GetByIdAsync) and rows updated: round trips the plugin asked for.</summary>
    public int ReadCount => Volatile.Read(ref _reads);

    public int UpdateCount => Volatile.Read(ref _updates);

    private DataConnection Open() => new(_options);

    public async Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await using var db = Open();
        entity.Id = await db.InsertWithInt32IdentityAsync(entity);
        Interlocked.Increment(ref _inserts);
    }

    public async Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await using var db = Open();
        await db.UpdateAsync(entity);
        Interlocked.Increment(ref _updates);
    }

    public async Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate)
    {
        await using var db = Open();
        return await db.GetTable<TEntity>().Where(predicate).DeleteAsync();
    }

    public async Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        var id = entity.Id;
        await DeleteAsync(row => row.Id == id);
    }

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true)
    {
        Interlocked.Increment(ref _reads);
        await using var db = Open();
        IQueryable<TEntity> query = db.GetTable<TEntity>();
        return await (func is null ? query : func(query)).ToListAsync();
    }

    public async Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey>? getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false) =>
        (await GetAllAsync(q => q.Where(row => row.Id == id))).FirstOrDefault()!;

    /// <summary>Every row (assertions).</summary>
    public IReadOnlyList<TEntity> Rows => GetAllAsync(q => q.OrderBy(row => row.Id)).GetAwaiter().GetResult().ToList();

    public IQueryable<TEntity> Table => throw new NotSupportedException("use GetAllAsync: a connection per operation");

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
