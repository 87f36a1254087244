using Paperboy.Core.Ids;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Library;

/// <summary>An account's library: save and remove papers, tag them, keep a note on each, import ids, export.</summary>
public sealed class LibraryService(IPaperStore papers, ILibraryStore library, TimeProvider time)
{
    /// <summary>Saved papers, newest first; only those tagged <paramref name="tag"/> when given.</summary>
    public async Task<IReadOnlyList<LibraryEntry>> ListAsync(long accountId, string? tag, CancellationToken cancellationToken)
    {
        string? filter = string.IsNullOrWhiteSpace(tag) ? null : LibraryInput.TryTag(tag, out var clean, out _) ? clean : tag;
        var items = await library.ListLibraryAsync(accountId, filter, cancellationToken);
        var found = (await papers.GetManyAsync(items.Select(i => i.PaperId).ToList(), cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        return items.Select(item => new LibraryEntry(item, found.GetValueOrDefault(item.PaperId))).ToList();
    }

    public Task<IReadOnlyList<(string Tag, int Count)>> ListTagsAsync(long accountId, CancellationToken cancellationToken) =>
        library.ListLibraryTagsAsync(accountId, cancellationToken);

    /// <summary>The entry for a paper if saved; null if not (whatever form of its id is given).</summary>
    public async Task<LibraryEntry?> FindAsync(long accountId, string paperId, CancellationToken cancellationToken)
    {
        var paper = await papers.GetAsync(paperId, cancellationToken);
        var item = await library.GetLibraryItemAsync(accountId, paper?.Id ?? paperId.Trim(), cancellationToken);
        return item is null ? null : new LibraryEntry(item, paper);
    }

    public async Task<LibraryResult> SaveAsync(long accountId, string paperId, CancellationToken cancellationToken)
    {
        var paper = await papers.GetAsync(paperId, cancellationToken);
        if (paper is null)
        {
            return new LibraryResult(LibraryStatus.PaperNotFound);
        }
        await library.SaveToLibraryAsync(accountId, [paper.Id], time.GetUtcNow(), cancellationToken);
        return await CurrentAsync(accountId, paper.Id, cancellationToken);
    }

    /// <summary>Removes a paper, its tags and note; false if it was not saved.</summary>
    public async Task<bool> RemoveAsync(long accountId, string paperId, CancellationToken cancellationToken) =>
        await library.RemoveFromLibraryAsync(accountId, await CanonicalAsync(paperId, cancellationToken), cancellationToken);

    public async Task<LibraryResult> AddTagAsync(long accountId, string paperId, string? tag, CancellationToken cancellationToken)
    {
        if (!LibraryInput.TryTag(tag, out string clean, out string error))
        {
            return LibraryResult.Invalid(error);
        }
        string id = await CanonicalAsync(paperId, cancellationToken);
        await library.AddLibraryTagAsync(accountId, id, clean, cancellationToken);
        return await CurrentAsync(accountId, id, cancellationToken);
    }

    public async Task<LibraryResult> RemoveTagAsync(long accountId, string paperId, string? tag, CancellationToken cancellationToken)
    {
        string id = await CanonicalAsync(paperId, cancellationToken);
        if (LibraryInput.TryTag(tag, out string clean, out _))
        {
            await library.RemoveLibraryTagAsync(accountId, id, clean, cancellationToken);
        }
        return await CurrentAsync(accountId, id, cancellationToken);
    }

    public async Task<LibraryResult> SetNoteAsync(long accountId, string paperId, string? note, CancellationToken cancellationToken)
    {
        if (!LibraryInput.TryNote(note, out string clean, out string error))
        {
            return LibraryResult.Invalid(error);
        }
        string id = await CanonicalAsync(paperId, cancellationToken);
        await library.SetLibraryNoteAsync(accountId, id, clean, time.GetUtcNow(), cancellationToken);
        return await CurrentAsync(accountId, id, cancellationToken);
    }

    /// <summary>
    /// The entries to export: those named (in the library's order; ids not saved are skipped), or every
    /// entry when <paramref name="paperIds"/> is empty.
    /// </summary>
    public async Task<IReadOnlyList<LibraryEntry>> SelectAsync(long accountId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var all = await ListAsync(accountId, null, cancellationToken);
        if (paperIds.Count == 0)
        {
            return all;
        }
        var wanted = new HashSet<string>(paperIds.Select(id => ArxivId.TryParse(id, out var arxiv) ? arxiv.BaseId : id.Trim()), StringComparer.Ordinal);
        return all.Where(entry => wanted.Contains(entry.Item.PaperId)).ToList();
    }

    /// <summary>
    /// Saves the papers named by a list of arXiv ids in any form (versioned, URL, oai:), read through
    /// <see cref="ArxivId"/>. Every id given is accounted for in the report. Null when the list is longer than <see cref="LibraryInput.MaxImportIds"/>.
    /// </summary>
    public async Task<LibraryImportReport?> ImportIdsAsync(long accountId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > LibraryInput.MaxImportIds)
        {
            return null;
        }
        var invalid = new List<string>();
        var baseIds = new List<string>();
        foreach (var raw in ids)
        {
            if (ArxivId.TryParse(raw, out var arxiv))
            {
                baseIds.Add(arxiv.BaseId);
            }
            else
            {
                invalid.Add(raw);
            }
        }
        var distinct = baseIds.Distinct(StringComparer.Ordinal).ToList();
        var known = (await papers.GetManyAsync(distinct, cancellationToken)).Select(p => p.Id).ToList();
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        var saved = await library.SaveToLibraryAsync(accountId, known, time.GetUtcNow(), cancellationToken);
        var savedSet = saved.ToHashSet(StringComparer.Ordinal);
        return new LibraryImportReport(
            saved,
            known.Where(id => !savedSet.Contains(id)).ToList(),
            distinct.Where(id => !knownSet.Contains(id)).ToList(),
            invalid);
    }

    private async Task<LibraryResult> CurrentAsync(long accountId, string paperId, CancellationToken cancellationToken)
    {
        var item = await library.GetLibraryItemAsync(accountId, paperId, cancellationToken);
        return item is null
            ? new LibraryResult(LibraryStatus.NotSaved)
            : new LibraryResult(LibraryStatus.Ok, new LibraryEntry(item, await papers.GetAsync(paperId, cancellationToken)));
    }

    /// <summary>The canonical id of a stored paper; otherwise the id as given, so an entry whose paper is gone can still be edited.</summary>
    private async Task<string> CanonicalAsync(string paperId, CancellationToken cancellationToken) =>
        (await papers.GetAsync(paperId, cancellationToken))?.Id ?? paperId.Trim();
}
