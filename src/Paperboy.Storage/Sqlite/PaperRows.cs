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

    /// <summary>Adds one parameter per column, in <see cref="Columns"/> order, for <see cref="Bind"/> to fill.</summary>
    public static void AddParameters(SqliteCommand command)
    {
        command.Parameters.Clear();
        foreach (var name in Parameters.Split(", "))
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    /// <summary>
    /// Sets the values of the parameters <see cref="AddParameters"/> made: the command is prepared once per
    /// batch and only its values change, so SQLite never re-parses the statement.
    /// </summary>
    /// <param name="titleKey">TitleKey.TryIdFor(paper.Title), which the caller has already computed.</param>
    public static void Bind(SqliteCommand command, Paper paper, string? titleKey, string contentHash, DateTimeOffset now)
    {
        var p = command.Parameters;
        var e = paper.Engagement;
        p[0].Value = paper.Id;
        p[1].Value = (object?)paper.ArxivId ?? DBNull.Value;
        p[2].Value = (object?)titleKey ?? DBNull.Value;
        p[3].Value = paper.Title;
        p[4].Value = paper.TitleRaw;
        p[5].Value = paper.Abstract;
        p[6].Value = paper.AbstractRaw;
        p[7].Value = JsonSerializer.Serialize(paper.Authors, StorageJson.Default.IReadOnlyListString);
        p[8].Value = JsonSerializer.Serialize(paper.Categories, StorageJson.Default.IReadOnlyListString);
        p[9].Value = JsonSerializer.Serialize(paper.Versions, StorageJson.Default.IReadOnlyListPaperVersion);
        p[10].Value = paper.LatestVersion;
        p[11].Value = Date(paper.Published);
        p[12].Value = Date(paper.Updated);
        p[13].Value = (paper.FirstSeen ?? now).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        p[14].Value = (object?)paper.Doi ?? DBNull.Value;
        p[15].Value = (object?)paper.JournalRef ?? DBNull.Value;
        p[16].Value = (object?)paper.Comments ?? DBNull.Value;
        p[17].Value = JsonSerializer.Serialize(paper.CodeLinks, StorageJson.Default.IReadOnlyListString);
        p[18].Value = paper.Withdrawn ? 1 : 0;
        p[19].Value = JsonSerializer.Serialize(paper.FieldSources, StorageJson.Default.IReadOnlyDictionaryStringString);
        p[20].Value = contentHash;
        p[21].Value = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        p[22].Value = (object?)e?.Upvotes ?? DBNull.Value;
        p[23].Value = (object?)e?.Comments ?? DBNull.Value;
        p[24].Value = (object?)e?.TrendingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
        p[25].Value = (object?)e?.SubmittedBy ?? DBNull.Value;
        p[26].Value = e is null ? DBNull.Value : JsonSerializer.Serialize(e.Keywords, StorageJson.Default.IReadOnlyListString);
        p[27].Value = Date(e?.ReportedAt);
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
