using Paperboy.Core.Accounts;

namespace Paperboy.Core.Storage;

/// <summary>Each account's library: saved papers, their tags and a private note each.</summary>
public interface ILibraryStore
{
    /// <summary>Saves papers (canonical ids); returns the ids that were not saved before.</summary>
    Task<IReadOnlyList<string>> SaveToLibraryAsync(long accountId, IReadOnlyList<string> paperIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes a paper with its tags and note; false if it was not saved.</summary>
    Task<bool> RemoveFromLibraryAsync(long accountId, string paperId, CancellationToken cancellationToken);

    Task<LibraryItem?> GetLibraryItemAsync(long accountId, string paperId, CancellationToken cancellationToken);

    /// <summary>Saved papers, newest saved first; only those carrying <paramref name="tag"/> when given.</summary>
    Task<IReadOnlyList<LibraryItem>> ListLibraryAsync(long accountId, string? tag, CancellationToken cancellationToken);

    /// <summary>The account's tags with how many saved papers carry each, by name.</summary>
    Task<IReadOnlyList<(string Tag, int Count)>> ListLibraryTagsAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>Tags a saved paper; false if the paper is not saved or already had the tag.</summary>
    Task<bool> AddLibraryTagAsync(long accountId, string paperId, string tag, CancellationToken cancellationToken);

    Task<bool> RemoveLibraryTagAsync(long accountId, string paperId, string tag, CancellationToken cancellationToken);

    /// <summary>Replaces the note of a saved paper ("" clears it); false if the paper is not saved.</summary>
    Task<bool> SetLibraryNoteAsync(long accountId, string paperId, string note, DateTimeOffset now, CancellationToken cancellationToken);
}
