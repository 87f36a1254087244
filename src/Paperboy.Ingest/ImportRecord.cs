using Paperboy.Core.Papers;

namespace Paperboy.Ingest;

/// <summary>One result of reading an import file: a paper, or the error that made one record unreadable. Exactly one is non-null.</summary>
public sealed record ImportRecord(Paper? Paper, ImportError? Error)
{
    public static ImportRecord Of(Paper paper) => new(paper ?? throw new ArgumentNullException(nameof(paper)), null);

    public static ImportRecord Failed(ImportError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
