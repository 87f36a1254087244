using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;

namespace Paperboy.Storage.Sqlite;

/// <summary>Maps a paper to the columns of the papers table and back.</summary>
internal static class PaperRows
{
    public const string Columns =
        "id, arxiv_id, title_key, title, title_raw, abstract, abstract_raw, authors, categories, versions, latest_version, " +
        "published, updated, first_seen, doi, journal_ref, comments, code_links, withdrawn, field_sources, content_hash, changed_at, " +
        "upvotes, comments_count, trending_date, submitted_by, keywords, engagement_reported_at";

    public const string Parameters =
        "$id, $arxiv_id, $title_key, $title, $title_raw, $abstract, $abstract_raw, $authors, $categories, $versions, $latest_version, " +
        "$published, $updated, $first_seen, $doi, $journal_ref, $comments, $code_links, $withdrawn, $field_sources, $content_hash, $changed_at, " +
        "$upvotes, $comments_count, $trending_date, $submitted_by, $keywords, $engagement_reported_at";

    public static void Bind(SqliteCommand command, Paper paper, string contentHash, DateTimeOffset now)
    {
        var p = command.Parameters;
        p.Clear();
        p.AddWithValue("$id", paper.Id);
        p.AddWithValue("$arxiv_id", (object?)paper.ArxivId ?? DBNull.Value);
        p.AddWithValue("$title_key", (object?)TitleKey.TryIdFor(paper.Title) ?? DBNull.Value);
        p.AddWithValue("$title", paper.Title);
        p.AddWithValue("$title_raw", paper.TitleRaw);
        p.AddWithValue("$abstract", paper.Abstract);
        p.AddWithValue("$abstract_raw", paper.AbstractRaw);
        p.AddWithValue("$authors", JsonSerializer.Serialize(paper.Authors.ToList(), StorageJson.Default.ListString));
        p.AddWithValue("$categories", JsonSerializer.Serialize(paper.Categories.ToList(), StorageJson.Default.ListString));
        p.AddWithValue("$versions", JsonSerializer.Serialize(paper.Versions.ToList(), StorageJson.Default.ListPaperVersion));
        p.AddWithValue("$latest_version", paper.LatestVersion);
        p.AddWithValue("$published", Date(paper.Published));
        p.AddWithValue("$updated", Date(paper.Updated));
        p.AddWithValue("$first_seen", (paper.FirstSeen ?? now).UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        p.AddWithValue("$doi", (object?)paper.Doi ?? DBNull.Value);
        p.AddWithValue("$journal_ref", (object?)paper.JournalRef ?? DBNull.Value);
        p.AddWithValue("$comments", (object?)paper.Comments ?? DBNull.Value);
        p.AddWithValue("$code_links", JsonSerializer.Serialize(paper.CodeLinks.ToList(), StorageJson.Default.ListString));
        p.AddWithValue("$withdrawn", paper.Withdrawn ? 1 : 0);
        p.AddWithValue("$field_sources", JsonSerializer.Serialize(new Dictionary<string, string>(paper.FieldSources), StorageJson.Default.DictionaryStringString));
        p.AddWithValue("$content_hash", contentHash);
        p.AddWithValue("$changed_at", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        var e = paper.Engagement;
        p.AddWithValue("$upvotes", (object?)e?.Upvotes ?? DBNull.Value);
        p.AddWithValue("$comments_count", (object?)e?.Comments ?? DBNull.Value);
        p.AddWithValue("$trending_date", (object?)e?.TrendingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
        p.AddWithValue("$submitted_by", (object?)e?.SubmittedBy ?? DBNull.Value);
        p.AddWithValue("$keywords", e is null ? DBNull.Value : JsonSerializer.Serialize(e.Keywords.ToList(), StorageJson.Default.ListString));
        p.AddWithValue("$engagement_reported_at", Date(e?.ReportedAt));
    }

    /// <summary>Reads a row selected with <see cref="Columns"/> in that order.</summary>
    public static (Paper Paper, string ContentHash) Read(SqliteDataReader row) =>
        (new Paper
        {
            Id = row.GetString(0),
            ArxivId = row.IsDBNull(1) ? null : row.GetString(1),
            Title = row.GetString(3),
            TitleRaw = row.GetString(4),
            Abstract = row.GetString(5),
            AbstractRaw = row.GetString(6),
            Authors = JsonSerializer.Deserialize(row.GetString(7), StorageJson.Default.ListString) ?? [],
            Categories = JsonSerializer.Deserialize(row.GetString(8), StorageJson.Default.ListString) ?? [],
            Versions = JsonSerializer.Deserialize(row.GetString(9), StorageJson.Default.ListPaperVersion) ?? [],
            Published = ParseDate(row, 11),
            Updated = ParseDate(row, 12),
            FirstSeen = ParseDate(row, 13),
            Doi = row.IsDBNull(14) ? null : row.GetString(14),
            JournalRef = row.IsDBNull(15) ? null : row.GetString(15),
            Comments = row.IsDBNull(16) ? null : row.GetString(16),
            CodeLinks = JsonSerializer.Deserialize(row.GetString(17), StorageJson.Default.ListString) ?? [],
            Withdrawn = row.GetInt64(18) != 0,
            FieldSources = JsonSerializer.Deserialize(row.GetString(19), StorageJson.Default.DictionaryStringString) ?? [],
            Engagement = ReadEngagement(row),
        }, row.GetString(20));

    private static PaperEngagement? ReadEngagement(SqliteDataReader row) =>
        row.IsDBNull(22)
            ? null
            : new PaperEngagement
            {
                Upvotes = (int)row.GetInt64(22),
                Comments = row.IsDBNull(23) ? 0 : (int)row.GetInt64(23),
                TrendingDate = row.IsDBNull(24) ? null : DateOnly.ParseExact(row.GetString(24), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                SubmittedBy = row.IsDBNull(25) ? null : row.GetString(25),
                Keywords = row.IsDBNull(26) ? [] : JsonSerializer.Deserialize(row.GetString(26), StorageJson.Default.ListString) ?? [],
                ReportedAt = ParseDate(row, 27),
            };

    private static object Date(DateTimeOffset? value) =>
        value is null ? DBNull.Value : value.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseDate(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal)
            ? null
            : DateTimeOffset.Parse(row.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
