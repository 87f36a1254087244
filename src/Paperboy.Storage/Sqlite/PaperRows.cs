using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Storage.Sqlite;

/// <summary>Maps a paper to the columns of the papers table and back.</summary>
internal static class PaperRows
{
    public const string Columns =
        "id, arxiv_id, title_key, title, title_raw, abstract, abstract_raw, authors, categories, versions, latest_version, " +
        "published, updated, first_seen, doi, journal_ref, comments, code_links, withdrawn, field_sources, content_hash, changed_at, " +
        "upvotes, comments_count, trending_date, submitted_by, keywords, engagement_reported_at, changed_generation, abstract_from_raw";

    public const string Parameters =
        "$id, $arxiv_id, $title_key, $title, $title_raw, $abstract, $abstract_raw, $authors, $categories, $versions, $latest_version, " +
        "$published, $updated, $first_seen, $doi, $journal_ref, $comments, $code_links, $withdrawn, $field_sources, $content_hash, $changed_at, " +
        "$upvotes, $comments_count, $trending_date, $submitted_by, $keywords, $engagement_reported_at, $changed_generation, $abstract_from_raw";

    /// <summary>The number of columns in <see cref="Columns"/>.</summary>
    public const int ColumnCount = 30;

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
    /// Sets the parameters <see cref="AddParameters"/> made: the plain way to bind a row, kept as the
    /// reference for <see cref="PaperInsert"/>, which binds the same values by position.
    /// </summary>
    public static void Bind(SqliteCommand command, Paper paper, string? titleKey, string contentHash, DateTimeOffset now, long generation)
    {
        var values = new object?[ColumnCount];
        Values(paper, titleKey, contentHash, now, generation, values);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>A paper's column values in <see cref="Columns"/> order: strings, ints, or null for SQL NULL.</summary>
    /// <param name="titleKey">TitleKey.TryIdFor(paper.Title), which the caller has already computed.</param>
    /// <param name="generation">The store generation the writing batch commits as: the row's change-feed stamp.</param>
    public static void Values(Paper paper, string? titleKey, string contentHash, DateTimeOffset now, long generation, Span<object?> values)
    {
        var e = paper.Engagement;
        // The cleaned abstract is not written when reading can make it again from the source's text
        // (migration 0009); an empty one is always written, so '' with the flag never means "empty".
        var abstractFromRaw = paper.Abstract.Length > 0 && TextCleaner.CleansTo(paper.AbstractRaw, paper.Abstract);
        values[0] = paper.Id;
        values[1] = paper.ArxivId;
        values[2] = titleKey;
        values[3] = paper.Title;
        values[4] = paper.TitleRaw;
        values[5] = abstractFromRaw ? "" : paper.Abstract;
        values[6] = paper.AbstractRaw;
        values[7] = JsonSerializer.Serialize(paper.Authors, StorageJson.Default.IReadOnlyListString);
        values[8] = JsonSerializer.Serialize(paper.Categories, StorageJson.Default.IReadOnlyListString);
        values[9] = JsonSerializer.Serialize(paper.Versions, StorageJson.Default.IReadOnlyListPaperVersion);
        values[10] = paper.LatestVersion;
        values[11] = Date(paper.Published);
        values[12] = Date(paper.Updated);
        values[13] = (paper.FirstSeen ?? now).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        values[14] = paper.Doi;
        values[15] = paper.JournalRef;
        values[16] = paper.Comments;
        values[17] = JsonSerializer.Serialize(paper.CodeLinks, StorageJson.Default.IReadOnlyListString);
        values[18] = paper.Withdrawn ? 1 : 0;
        values[19] = JsonSerializer.Serialize(paper.FieldSources, StorageJson.Default.IReadOnlyDictionaryStringString);
        values[20] = contentHash;
        values[21] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        values[22] = e?.Upvotes;
        values[23] = e?.Comments;
        values[24] = e?.TrendingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        values[25] = e?.SubmittedBy;
        values[26] = e is null ? null : JsonSerializer.Serialize(e.Keywords, StorageJson.Default.IReadOnlyListString);
        values[27] = Date(e?.ReportedAt);
        values[28] = generation;
        values[29] = abstractFromRaw ? 1 : 0;
    }

    /// <summary>Reads a row selected with <see cref="Columns"/> in that order.</summary>
    public static (Paper Paper, string ContentHash) Read(SqliteDataReader row) =>
        (new Paper
        {
            Id = row.GetString(0),
            ArxivId = row.IsDBNull(1) ? null : row.GetString(1),
            Title = row.GetString(3),
            TitleRaw = row.GetString(4),
            Abstract = row.GetInt64(29) != 0 ? TextCleaner.Clean(row.GetString(6)) : row.GetString(5),
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

    private static string? Date(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseDate(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal)
            ? null
            : DateTimeOffset.Parse(row.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
