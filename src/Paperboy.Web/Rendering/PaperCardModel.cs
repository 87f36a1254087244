using Paperboy.Application.Lists;
using Paperboy.Application.Searching;
using Paperboy.Core.Papers;
using Paperboy.Search;

namespace Paperboy.Web.Rendering;

/// <summary>
/// A paper in a list: with search highlights when it came from a search, plain otherwise; with its
/// upvotes and "new" badge when it came from a dated list.
/// </summary>
public sealed record PaperCardModel(Paper Paper, Snippet? Title = null, Snippet? Snippet = null)
{
    /// <summary>Upvotes to show (imported plus local); null shows the imported upvotes, if any.</summary>
    public int? Upvotes { get; init; }

    public bool IsNew { get; init; }

    /// <summary>Why a search found it, shown when the search ranked by meaning too; null shows nothing.</summary>
    public SearchMatch? Match { get; init; }

    public static PaperCardModel From(ListedPaper listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return new PaperCardModel(listed.Paper) { Upvotes = listed.Upvotes, IsNew = listed.IsNew };
    }
}
