using Paperboy.Core.Papers;

namespace Paperboy.Core.Storage;

/// <summary>
/// The store of record for papers. SQLite implements it today; PostgreSQL will implement the same
/// contract, so callers never know which one they talk to.
/// </summary>
public interface IPaperStore : IAsyncDisposable
{
    /// <summary>Creates or migrates the schema; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or merges papers in one transaction. Idempotent: the same papers twice change nothing.
    /// A paper known by title only merges into its arXiv record once a source supplies the id.
    /// </summary>
    Task<UpsertSummary> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken);

    /// <summary>Finds a paper by canonical id, any arXiv id form (versioned, URL, oai:) or title-derived id.</summary>
    Task<Paper?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Returns the papers with these canonical ids, in the order given; unknown ids are skipped.</summary>
    Task<IReadOnlyList<Paper>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>Newest first (by published date, then first seen), for listing pages.</summary>
    Task<IReadOnlyList<Paper>> ListRecentAsync(int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The papers listed on the days from <paramref name="first"/> to <paramref name="last"/> (inclusive),
    /// in no particular order. A paper's list day is its community trending date, else the UTC date its
    /// first version appeared, else the UTC date this installation first stored it (docs/WEB.md).
    /// </summary>
    Task<IReadOnlyList<PaperListEntry>> ListDayEntriesAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);

    /// <summary>The latest list day holding papers before <paramref name="before"/> (or at all, when null); null when none.</summary>
    Task<DateOnly?> LatestListDayAsync(DateOnly? before, CancellationToken cancellationToken);

    /// <summary>The earliest list day holding papers after <paramref name="after"/>; null when none.</summary>
    Task<DateOnly?> EarliestListDayAfterAsync(DateOnly after, CancellationToken cancellationToken);

    /// <summary>Streams every paper, in canonical id order, for building indexes.</summary>
    IAsyncEnumerable<Paper> ScanAsync(CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>A number that grows whenever stored papers change, so derived data (the search index) knows to refresh.</summary>
    Task<long> GetGenerationAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Streams the papers inserted or changed after <paramref name="generation"/>, each once, in the order
    /// they last changed (generation, then canonical id). It exists so a persistent index catches up from
    /// the generation it last indexed instead of rescanning every paper: read <see cref="GetGenerationAsync"/>
    /// first, apply this and <see cref="ListRemovedSinceAsync"/>, then record the generation read. A batch
    /// committing meanwhile is seen again next time, which is harmless because applying a paper is idempotent.
    /// An upsert that changes nothing never makes a paper appear here.
    /// </summary>
    IAsyncEnumerable<Paper> ScanChangedSinceAsync(long generation, CancellationToken cancellationToken);

    /// <summary>
    /// The ids removed after <paramref name="generation"/> (such as a title-only paper merged into its arXiv record)
    /// that are not stored now: the documents a catching-up index must delete. An id stored again after its
    /// removal is listed by <see cref="ScanChangedSinceAsync"/> instead, so the two never share an id and
    /// can be applied in either order.
    /// </summary>
    Task<IReadOnlyList<string>> ListRemovedSinceAsync(long generation, CancellationToken cancellationToken);
}
