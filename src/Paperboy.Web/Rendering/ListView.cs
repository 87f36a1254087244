using Paperboy.Application.Lists;

namespace Paperboy.Web.Rendering;

/// <summary>A page of a list as the shared list partial shows it, with the URL of any order, category and page of it.</summary>
public sealed record ListView(PaperList List, int PageSize, Func<ListSort, string?, int, string> Url)
{
    public int PageNumber => List.Offset / PageSize + 1;

    public int PageCount => Math.Max(1, (List.Total + PageSize - 1) / PageSize);
}
