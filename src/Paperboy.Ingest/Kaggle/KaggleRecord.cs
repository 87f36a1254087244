using System.Text.Json.Serialization;

namespace Paperboy.Ingest.Kaggle;

/// <summary>
/// One line of the Kaggle arXiv metadata snapshot (https://www.kaggle.com/datasets/Cornell-University/arxiv),
/// field names as the snapshot spells them. Every field is optional here; the mapper decides what is required.
/// </summary>
internal sealed class KaggleRecord
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("submitter")] public string? Submitter { get; set; }
    [JsonPropertyName("authors")] public string? Authors { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("comments")] public string? Comments { get; set; }
    [JsonPropertyName("journal-ref")] public string? JournalRef { get; set; }
    [JsonPropertyName("doi")] public string? Doi { get; set; }
    [JsonPropertyName("report-no")] public string? ReportNo { get; set; }
    [JsonPropertyName("categories")] public string? Categories { get; set; }
    [JsonPropertyName("license")] public string? License { get; set; }
    [JsonPropertyName("abstract")] public string? Abstract { get; set; }
    [JsonPropertyName("versions")] public List<KaggleVersion?>? Versions { get; set; }
    [JsonPropertyName("update_date")] public string? UpdateDate { get; set; }

    /// <summary>[last, first, suffix] and sometimes a fourth element, the affiliation.</summary>
    [JsonPropertyName("authors_parsed")] public List<List<string?>?>? AuthorsParsed { get; set; }
}

internal sealed class KaggleVersion
{
    [JsonPropertyName("version")] public string? Version { get; set; }

    /// <summary>An RFC 822 date: "Mon, 2 Apr 2007 19:18:42 GMT".</summary>
    [JsonPropertyName("created")] public string? Created { get; set; }
}
