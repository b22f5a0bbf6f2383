namespace Nop.Core;

[Serializable]
public partial class PagedList<T> : List<T>, IPagedList<T>
{
    // reference: minimal working body for tests
    public PagedList(IList<T> source, int pageIndex, int pageSize, int? totalCount = null)
    {
        var size = pageSize < 1 ? 1 : pageSize;
        TotalCount = totalCount ?? source.Count;
        TotalPages = (TotalCount + size - 1) / size;
        PageSize = size;
        PageIndex = pageIndex;
        // a given total count means the source already is the requested page
        if (totalCount.HasValue)
            AddRange(source);
        else
            AddRange(source.Skip(pageIndex * size).Take(size));
    }

    public int PageIndex { get; }

    public int PageSize { get; }

    public int TotalCount { get; }

    public int TotalPages { get; }

    public bool HasPreviousPage => PageIndex > 0;

    public bool HasNextPage => PageIndex + 1 < TotalPages;
}
