namespace Paperboy.Application.Library;

/// <summary>
/// What an import of arXiv ids did, id by id: saved now, saved before, well-formed but not in the store
/// (add them with `paperboy add`), or not arXiv ids at all (as given). Nothing is dropped silently.
/// </summary>
public sealed record LibraryImportReport(
    IReadOnlyList<string> Saved,
    IReadOnlyList<string> AlreadySaved,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> Invalid);
