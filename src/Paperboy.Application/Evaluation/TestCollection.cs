using System.Globalization;
using System.Text.Json;
using Paperboy.Core.Papers;

namespace Paperboy.Application.Evaluation;

/// <summary>
/// A classic IR test collection on disk: docs.jsonl, queries.tsv (qid TAB text) and qrels.txt
/// (TREC format: qid 0 docid gain). Documents become papers with ids "doc:&lt;id&gt;".
/// </summary>
public sealed record TestCollection(
    IReadOnlyList<Paper> Documents,
    IReadOnlyList<(string Id, string Text)> Queries,
    IReadOnlyDictionary<string, Dictionary<string, int>> Judgments)
{
    public static string PaperIdFor(string documentId) => $"doc:{documentId}";

    public static async Task<TestCollection> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        string docs = Path.Combine(directory, "docs.jsonl");
        string queries = Path.Combine(directory, "queries.tsv");
        string qrels = Path.Combine(directory, "qrels.txt");
        foreach (var required in new[] { docs, queries, qrels })
        {
            if (!File.Exists(required))
            {
                throw new FileNotFoundException($"eval: the collection needs {Path.GetFileName(required)} in {directory}", required);
            }
        }
        return new TestCollection(
            await ReadDocumentsAsync(docs, cancellationToken),
            await ReadQueriesAsync(queries, cancellationToken),
            await ReadJudgmentsAsync(qrels, cancellationToken));
    }

    private static async Task<List<Paper>> ReadDocumentsAsync(string path, CancellationToken cancellationToken)
    {
        var papers = new List<Paper>();
        int lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            CollectionDocument? doc;
            try
            {
                doc = JsonSerializer.Deserialize(line, EvaluationJson.Default.CollectionDocument);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"eval: {path}:{lineNumber}: unable to parse document: {e.Message}", e);
            }
            if (doc is null || string.IsNullOrWhiteSpace(doc.Id))
            {
                throw new InvalidDataException($"eval: {path}:{lineNumber}: a document needs an id");
            }
            string title = (doc.Title ?? "").Trim();
            string text = (doc.Text ?? "").Trim();
            // Some collections repeat the title at the head of the text; index it once, in the title field.
            if (title.Length > 0 && text.StartsWith(title, StringComparison.Ordinal))
            {
                text = text[title.Length..].TrimStart();
            }
            papers.Add(new Paper
            {
                Id = PaperIdFor(doc.Id),
                Title = title,
                TitleRaw = title,
                Abstract = text,
                AbstractRaw = text,
                Authors = string.IsNullOrWhiteSpace(doc.Authors) ? [] : [doc.Authors.Trim()],
                FieldSources = new Dictionary<string, string> { ["title"] = "collection", ["abstract"] = "collection" },
            });
        }
        return papers;
    }

    private static async Task<List<(string, string)>> ReadQueriesAsync(string path, CancellationToken cancellationToken)
    {
        var queries = new List<(string, string)>();
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                queries.Add((line[..tab].Trim(), line[(tab + 1)..].Trim()));
            }
        }
        return queries;
    }

    private static async Task<Dictionary<string, Dictionary<string, int>>> ReadJudgmentsAsync(string path, CancellationToken cancellationToken)
    {
        var judgments = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || !int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int gain))
            {
                continue;
            }
            if (!judgments.TryGetValue(parts[0], out var forQuery))
            {
                judgments[parts[0]] = forQuery = new Dictionary<string, int>(StringComparer.Ordinal);
            }
            forQuery[PaperIdFor(parts[2])] = gain;
        }
        return judgments;
    }
}
