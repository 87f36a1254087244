namespace Paperboy.Storage.Sqlite;

/// <summary>
/// How the papers table is searched by title key: through papers_by_title_hash, the index of the key's
/// first 8 hex digits (migration 0010), then by the whole key on the rows it finds.
/// </summary>
internal static class TitleKeySql
{
    /// <summary>
    /// Rows whose key is <c>$key</c>. SQLite uses an index on an expression only where a query has the
    /// same expression, so the prefix is written exactly as the index defines it (a test reads the plans).
    /// </summary>
    public const string MatchesKeyParameter = "substr(title_key, 7, 8) = substr($key, 7, 8) AND title_key = $key";

    /// <summary>
    /// Joins <c>papers</c> to <c>keys</c>, a table of keys in its <c>value</c> column (json_each), on the
    /// title key, so each key is one search of the index.
    /// </summary>
    public const string JoinOnKeys = "JOIN papers ON substr(papers.title_key, 7, 8) = substr(keys.value, 7, 8) AND papers.title_key = keys.value";
}
