namespace Paperboy.Application.Contracts;

/// <summary>POST /api/library: save a paper (any form of its id).</summary>
public sealed record LibrarySaveRequest(string? PaperId);

/// <summary>POST /api/library/tags: tag a saved paper.</summary>
public sealed record LibraryTagRequest(string? PaperId, string? Tag);

/// <summary>PUT /api/library/notes: replace the note of a saved paper ("" clears it).</summary>
public sealed record LibraryNoteRequest(string? PaperId, string? Note);

/// <summary>POST /api/library/import: arXiv ids as a list, or as text split on white space, commas and semicolons.</summary>
public sealed record LibraryImportRequest(IReadOnlyList<string>? Ids, string? Text);

/// <summary>POST /api/follows: follow an author (by name) or an arXiv category.</summary>
public sealed record FollowRequest(string? Kind, string? Key);
