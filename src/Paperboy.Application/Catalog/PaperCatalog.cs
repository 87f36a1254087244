using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Catalog;

/// <summary>Reading papers for pages and commands: one paper, the newest papers, and store statistics.</summary>
public sealed class PaperCatalog(IPaperStore store)
{
    public Task<Paper?> FindAsync(string id, CancellationToken cancellationToken) =>
        store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Paper>> ListRecentAsync(int offset, int limit, CancellationToken cancellationToken) =>
        store.ListRecentAsync(offset, limit, cancellationToken);

    public async Task<CatalogStats> StatsAsync(CancellationToken cancellationToken) =>
        new(await store.CountAsync(cancellationToken));
}
