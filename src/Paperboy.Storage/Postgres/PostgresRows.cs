using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Paperboy.Core.Papers;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Storage.Postgres;

/// <summary>A stored paper with what the store keeps beside it: its content hash and title key.</summary>
internal sealed record StoredPaper(Paper Paper, string Hash, string? TitleKey);

/// <summary>
/// Maps a paper to the columns of the PostgreSQL papers table and back: lists as text[], versions and
/// field sources as jsonb, times as timestamptz (UTC), the trending day as date.
/// </summary>
internal static class PostgresRows
{
    public const string Columns =
        "id, arxiv_id, title_key, title, title_raw, abstract, abstract_raw, authors, categories, versions, latest_version, " +
        "published, updated, first_seen, doi, journal_ref, comments, code_links, withdrawn, field_sources, content_hash, changed_at, " +
        "upvotes, comments_count, trending_date, submitted_by, keywords, engagement_reported_at, changed_generation";

    /// <summary>
    /// The paper as PostgreSQL can hold it, applied to every incoming paper before it is merged so that
    /// hashes compare like with like: times cut to whole microseconds (timestamptz's precision; .NET
    /// keeps tenths of one) and U+0000, which text and jsonb refuse, removed from every string.
    /// Returns the same instance when nothing needs either, which is every paper a real source gives.
    /// </summary>
    public static Paper Storable(Paper paper)
    {
        if (!NeedsCut(paper.Published) && !NeedsCut(paper.Updated) && !NeedsCut(paper.FirstSeen)
            && !NeedsCut(paper.Engagement?.ReportedAt) && !HasNul(paper))
        {
            return paper;
        }
        return paper with
        {
            Id = Clean(paper.Id),
            ArxivId = CleanOrNull(paper.ArxivId),
            Title = Clean(paper.Title),
            TitleRaw = Clean(paper.TitleRaw),
            Abstract = Clean(paper.Abstract),
            AbstractRaw = Clean(paper.AbstractRaw),
            Authors = paper.Authors.Select(Clean).ToList(),
            Categories = paper.Categories.Select(Clean).ToList(),
            Published = Cut(paper.Published),
            Updated = Cut(paper.Updated),
            FirstSeen = Cut(paper.FirstSeen),
            Doi = CleanOrNull(paper.Doi),
            JournalRef = CleanOrNull(paper.JournalRef),
            Comments = CleanOrNull(paper.Comments),
            CodeLinks = paper.CodeLinks.Select(Clean).ToList(),
            FieldSources = paper.FieldSources.ToDictionary(p => Clean(p.Key), p => Clean(p.Value)),
            Engagement = paper.Engagement is { } e
                ? e with { SubmittedBy = CleanOrNull(e.SubmittedBy), Keywords = e.Keywords.Select(Clean).ToList(), ReportedAt = Cut(e.ReportedAt) }
                : null,
        };
    }

    /// <summary>The paper as reading its row back would give it: times in UTC, first-seen set.</summary>
    public static Paper AsStored(Paper paper, DateTimeOffset now) => paper with
    {
        Published = paper.Published?.ToUniversalTime(),
        Updated = paper.Updated?.ToUniversalTime(),
        FirstSeen = (paper.FirstSeen ?? now).ToUniversalTime(),
        Engagement = paper.Engagement is { } e ? e with { ReportedAt = e.ReportedAt?.ToUniversalTime() } : null,
    };

    /// <summary>Writes one row, in <see cref="Columns"/> order, to a binary COPY.</summary>
    public static async Task WriteAsync(
        NpgsqlBinaryImporter copy, StoredPaper row, DateTimeOffset now, long generation, CancellationToken cancellationToken)
    {
        var paper = row.Paper;
        var e = paper.Engagement;
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(paper.Id, NpgsqlDbType.Text, cancellationToken);
        await WriteOrNullAsync(copy, paper.ArxivId, NpgsqlDbType.Text, cancellationToken);
        await WriteOrNullAsync(copy, row.TitleKey, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(paper.Title, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(paper.TitleRaw, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(paper.Abstract, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(paper.AbstractRaw, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(paper.Authors.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(paper.Categories.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(JsonSerializer.Serialize(paper.Versions, StorageJson.Default.IReadOnlyListPaperVersion), NpgsqlDbType.Jsonb, cancellationToken);
        await copy.WriteAsync(paper.LatestVersion, NpgsqlDbType.Integer, cancellationToken);
        await WriteTimeAsync(copy, paper.Published, cancellationToken);
        await WriteTimeAsync(copy, paper.Updated, cancellationToken);
        await WriteTimeAsync(copy, paper.FirstSeen ?? now, cancellationToken);
        await WriteOrNullAsync(copy, paper.Doi, NpgsqlDbType.Text, cancellationToken);
        await WriteOrNullAsync(copy, paper.JournalRef, NpgsqlDbType.Text, cancellationToken);
        await WriteOrNullAsync(copy, paper.Comments, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(paper.CodeLinks.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(paper.Withdrawn, NpgsqlDbType.Boolean, cancellationToken);
        await copy.WriteAsync(JsonSerializer.Serialize(paper.FieldSources, StorageJson.Default.IReadOnlyDictionaryStringString), NpgsqlDbType.Jsonb, cancellationToken);
        await copy.WriteAsync(row.Hash, NpgsqlDbType.Text, cancellationToken);
        await WriteTimeAsync(copy, now, cancellationToken);
        await WriteOrNullAsync(copy, e?.Upvotes, NpgsqlDbType.Integer, cancellationToken);
        await WriteOrNullAsync(copy, e?.Comments, NpgsqlDbType.Integer, cancellationToken);
        await WriteOrNullAsync(copy, e?.TrendingDate, NpgsqlDbType.Date, cancellationToken);
        await WriteOrNullAsync(copy, e?.SubmittedBy, NpgsqlDbType.Text, cancellationToken);
        await WriteOrNullAsync(copy, e?.Keywords.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await WriteTimeAsync(copy, e?.ReportedAt, cancellationToken);
        await copy.WriteAsync(generation, NpgsqlDbType.Bigint, cancellationToken);
    }

    /// <summary>Reads a row selected with <see cref="Columns"/> in that order.</summary>
    public static StoredPaper Read(NpgsqlDataReader row) =>
        new(new Paper
        {
            Id = row.GetString(0),
            ArxivId = row.IsDBNull(1) ? null : row.GetString(1),
            Title = row.GetString(3),
            TitleRaw = row.GetString(4),
            Abstract = row.GetString(5),
            AbstractRaw = row.GetString(6),
            Authors = row.GetFieldValue<string[]>(7),
            Categories = row.GetFieldValue<string[]>(8),
            Versions = JsonSerializer.Deserialize(row.GetString(9), StorageJson.Default.ListPaperVersion) ?? [],
            Published = Time(row, 11),
            Updated = Time(row, 12),
            FirstSeen = Time(row, 13),
            Doi = row.IsDBNull(14) ? null : row.GetString(14),
            JournalRef = row.IsDBNull(15) ? null : row.GetString(15),
            Comments = row.IsDBNull(16) ? null : row.GetString(16),
            CodeLinks = row.GetFieldValue<string[]>(17),
            Withdrawn = row.GetBoolean(18),
            FieldSources = JsonSerializer.Deserialize(row.GetString(19), StorageJson.Default.DictionaryStringString) ?? [],
            Engagement = row.IsDBNull(22)
                ? null
                : new PaperEngagement
                {
                    Upvotes = row.GetInt32(22),
                    Comments = row.IsDBNull(23) ? 0 : row.GetInt32(23),
                    TrendingDate = row.IsDBNull(24) ? null : row.GetFieldValue<DateOnly>(24),
                    SubmittedBy = row.IsDBNull(25) ? null : row.GetString(25),
                    Keywords = row.IsDBNull(26) ? [] : row.GetFieldValue<string[]>(26),
                    ReportedAt = Time(row, 27),
                },
        }, row.GetString(20), row.IsDBNull(2) ? null : row.GetString(2));

    public static DateTimeOffset? Time(NpgsqlDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : new DateTimeOffset(row.GetFieldValue<DateTime>(ordinal), TimeSpan.Zero);

    private static Task WriteTimeAsync(NpgsqlBinaryImporter copy, DateTimeOffset? value, CancellationToken cancellationToken) =>
        value is { } time ? copy.WriteAsync(time.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    private static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : class =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    /// <summary>The time cut to whole microseconds, timestamptz's precision.</summary>
    public static DateTimeOffset Microseconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % 10), time.Offset);

    private static bool NeedsCut(DateTimeOffset? value) => value is { } time && time.Ticks % 10 != 0;

    private static DateTimeOffset? Cut(DateTimeOffset? value) =>
        value is { } time ? new DateTimeOffset(time.Ticks - (time.Ticks % 10), time.Offset) : null;

    private static bool HasNul(Paper paper) =>
        Nul(paper.Id) || Nul(paper.ArxivId) || Nul(paper.Title) || Nul(paper.TitleRaw) || Nul(paper.Abstract) || Nul(paper.AbstractRaw)
        || paper.Authors.Any(Nul) || paper.Categories.Any(Nul) || Nul(paper.Doi) || Nul(paper.JournalRef) || Nul(paper.Comments)
        || paper.CodeLinks.Any(Nul) || paper.FieldSources.Any(p => Nul(p.Key) || Nul(p.Value))
        || (paper.Engagement is { } e && (Nul(e.SubmittedBy) || e.Keywords.Any(Nul)));

    private static bool Nul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    private static string Clean(string text) => text.Replace("\0", "", StringComparison.Ordinal);

    private static string? CleanOrNull(string? text) => text?.Replace("\0", "", StringComparison.Ordinal);
}
