namespace Paperboy.Application.Library;

public enum LibraryStatus
{
    Ok,
    /// <summary>The store has no paper with that id.</summary>
    PaperNotFound,
    /// <summary>The paper is not in the library, so it has no tags or note to change.</summary>
    NotSaved,
    /// <summary>A tag or note broke a rule; <see cref="LibraryResult.Error"/> says which.</summary>
    InvalidInput,
}

/// <summary>The outcome of a change to a library: the entry as it now is, or why nothing changed.</summary>
public sealed record LibraryResult(LibraryStatus Status, LibraryEntry? Entry = null, string? Error = null)
{
    public static LibraryResult Invalid(string error) => new(LibraryStatus.InvalidInput, null, error);
}
