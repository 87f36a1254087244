using System.Text.Json;
using Paperboy.Application.Searching;

namespace Paperboy.Cli.Commands;

/// <summary>
/// The queries of `paperboy bench`: one a line, blank lines and lines starting with # skipped. A
/// line starting with { is a JSON object whose "query" is taken, so a dev-eval query set
/// (/work/shared/dev-eval/queries.jsonl, the format `eval --queries` reads) runs as it is.
/// </summary>
public static class BenchQueryFile
{
    public static async Task<IReadOnlyList<string>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var queries = new List<string>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            var query = text.StartsWith('{') ? QueryOf(text, path, lineNumber) : text;
            // Refused rather than cut: `paperboy search` refuses it too, and a cut query is not the one timed.
            if (query.Length > PaperSearchService.MaxQueryLength)
            {
                throw new UsageException($"{path}:{lineNumber}: the query has {query.Length} characters; at most {PaperSearchService.MaxQueryLength} are accepted");
            }
            queries.Add(query);
        }
        if (queries.Count == 0)
        {
            throw new UsageException($"{path} holds no queries (one a line; blank lines and # comments are skipped)");
        }
        return queries;
    }

    private static string QueryOf(string json, string path, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("query", out var query)
                && query.ValueKind == JsonValueKind.String)
            {
                return query.GetString()!;
            }
            throw new UsageException($"{path}:{lineNumber}: a JSON line needs a \"query\" string");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}:{lineNumber}: unable to read the JSON line: {e.Message}");
        }
    }
}
