using System.Text.Json;
using System.Text.Json.Serialization;

namespace Paperboy.Application.Evaluation;

/// <summary>One line of a query set in the dev-eval format: {id, query, relevant: [titles], style}.</summary>
public sealed record DevEvalQuery(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("relevant")] IReadOnlyList<string> Relevant,
    [property: JsonPropertyName("style")] string Style)
{
    public static async Task<IReadOnlyList<DevEvalQuery>> ReadAllAsync(string path, CancellationToken cancellationToken)
    {
        var queries = new List<DevEvalQuery>();
        int lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                var query = JsonSerializer.Deserialize(line, EvaluationJson.Default.DevEvalQuery);
                if (query is null || string.IsNullOrWhiteSpace(query.Query) || query.Relevant is null)
                {
                    throw new JsonException("a query needs 'query' and 'relevant'");
                }
                queries.Add(query with { Style = string.IsNullOrWhiteSpace(query.Style) ? "unspecified" : query.Style });
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"eval: {path}:{lineNumber}: unable to parse query: {e.Message}", e);
            }
        }
        return queries;
    }
}

[JsonSerializable(typeof(DevEvalQuery))]
[JsonSerializable(typeof(CollectionDocument))]
internal sealed partial class EvaluationJson : JsonSerializerContext;
