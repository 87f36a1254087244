namespace Paperboy.Search.Indexing;

/// <summary>The analyzed text fields. Categories and year are per-document values, not text.</summary>
internal enum Field
{
    Title = 0,
    Abstract = 1,
    Authors = 2,
}
