using System.Globalization;
using Microsoft.Data.Sqlite;
using Paperboy.Ingest.Synthetic;

namespace Paperboy.Bench;

/// <summary>
/// The standing peer: one SQLite FTS5 table (https://sqlite.org/fts5.html) with the porter tokenizer.
/// Columns, in the order the bm25() weights refer to: title, abstract, authors, then year and
/// categories UNINDEXED, which the filters read in a WHERE clause as Paperboy's filters read doc values.
/// The file gets the store's pragmas (WAL, synchronous NORMAL) and, for searching, a page cache and
/// memory map big enough to hold it, since Paperboy's index is all in memory.
/// </summary>
internal sealed class Fts5Peer : IAsyncDisposable
{
    public const int RowsPerTransaction = 1000;

    /// <summary>
    /// FTS5's bm25() takes one weight per column and multiplies term frequencies by it, with one length
    /// normalisation over the whole row (k1 1.2, b 0.75, fixed): the nearest it gets to our BM25F
    /// (SearchSettings: title 2.5, abstract 1, authors 1, b per field).
    /// </summary>
    public const string Rank = "bm25(fts, 2.5, 1.0, 1.0)";

    private readonly SqliteConnection _connection;
    private long _nextRowid;

    private Fts5Peer(SqliteConnection connection) => _connection = connection;

    public static async Task<Fts5Peer> CreateAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var peer = new Fts5Peer(connection);
        await peer.ExecuteAsync(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -1048576; PRAGMA mmap_size = 4294967296;" +
            "CREATE VIRTUAL TABLE fts USING fts5(title, abstract, authors, year UNINDEXED, categories UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2');",
            cancellationToken);
        return peer;
    }

    /// <summary>
    /// Inserts rows with rowid = position among all rows inserted (so in the corpus), one transaction
    /// per <see cref="RowsPerTransaction"/>.
    /// </summary>
    public async Task InsertAsync(IEnumerable<Fts5Row> rows, CancellationToken cancellationToken)
    {
        await using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO fts (rowid, title, abstract, authors, year, categories) VALUES ($rowid, $title, $abstract, $authors, $year, $categories)";
        var parameters = new[] { "$rowid", "$title", "$abstract", "$authors", "$year", "$categories" }
            .Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
        parameters[0].SqliteType = SqliteType.Integer;
        parameters[4].SqliteType = SqliteType.Integer;
        SqliteTransaction? transaction = null;
        var inBatch = 0;
        foreach (var row in rows)
        {
            if (transaction is null)
            {
                transaction = _connection.BeginTransaction();
                insert.Transaction = transaction;
                insert.Prepare();
            }
            parameters[0].Value = _nextRowid++;
            parameters[1].Value = row.Title;
            parameters[2].Value = row.Abstract;
            parameters[3].Value = row.Authors;
            parameters[4].Value = (object?)row.Year ?? DBNull.Value;
            parameters[5].Value = row.Categories;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            if (++inBatch % RowsPerTransaction == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                transaction = null;
            }
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
    }

    /// <summary>Merges FTS5's incremental segments into one, as a read-mostly deployment would after a bulk load.</summary>
    public Task OptimizeAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO fts (fts) VALUES ('optimize');", cancellationToken);

    /// <summary>The database's size: page_count * page_size (FTS5 keeps a copy of the text in its content table).</summary>
    public async Task<long> SizeBytesAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        return await ScalarAsync("PRAGMA page_count;", cancellationToken) * await ScalarAsync("PRAGMA page_size;", cancellationToken);
    }

    /// <summary>
    /// The full-text index proper, in payload bytes (the bundled SQLite has no dbstat table to count
    /// pages per table): the blocks of <c>fts_data</c> (term dictionary, doclists with positions) and
    /// the terms of <c>fts_idx</c> (the segment page index); then the per-row token counts of
    /// <c>fts_docsize</c>, which are what our field lengths are. The copy of the text in
    /// <c>fts_content</c> is in neither.
    /// </summary>
    public async Task<(long Index, long DocSizes)> IndexBytesAsync(CancellationToken cancellationToken) => (
        await ScalarAsync("SELECT (SELECT COALESCE(SUM(length(block)), 0) FROM fts_data) + (SELECT COALESCE(SUM(length(term)), 0) FROM fts_idx);", cancellationToken),
        await ScalarAsync("SELECT COALESCE(SUM(length(sz)), 0) FROM fts_docsize;", cancellationToken));

    public Fts5Searcher CreateSearcher() => new(_connection);

    /// <summary>
    /// Paperboy's query in FTS5 syntax: each term quoted (so a word is never read as an operator),
    /// OR and AND as in ours, a phrase as one quoted string; filters become WHERE conditions.
    /// </summary>
    public static string MatchExpression(SyntheticQuery query) => query.Kind switch
    {
        SyntheticQueryKind.TwoTermAnd => string.Join(" AND ", query.Terms.Select(Quote)),
        SyntheticQueryKind.Phrase => Quote(string.Join(' ', query.Terms)),
        _ => string.Join(" OR ", query.Terms.Select(Quote)),
    };

    private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

/// <summary>One row of the peer's table.</summary>
internal sealed record Fts5Row(string Title, string Abstract, string Authors, int? Year, string Categories);
