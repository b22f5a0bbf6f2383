namespace Nop.Core.Events;

public partial class EntityInsertedEvent<T> where T : BaseEntity
{
    // reference: minimal working body for tests
    public EntityInsertedEvent(T entity)
    {
        Entity = entity;
    }

    public T Entity { get; }
}
