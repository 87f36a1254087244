using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Paperboy.Ingest.Sources.HuggingFace;

/// <summary>
/// Reads the Hugging Face daily-papers API response (<c>https://huggingface.co/api/daily_papers</c>): a JSON array
/// of entries <c>{paper: {id, title, summary, authors, publishedAt, upvotes}, publishedAt, numComments, submittedBy, ...}</c>.
/// Entries are streamed one at a time, so a large response is never held as text and as a document at once.
/// An entry that cannot be mapped becomes an <see cref="ImportError"/> and the others are kept; a payload that is
/// not such an array (malformed JSON, an API error object) is a <see cref="SourcePayloadException"/>.
/// </summary>
public static class HfDailyPapersParser
{
    // The API never nests deeper than a handful of levels; the default bound keeps a hostile payload cheap.
    private static readonly JsonSerializerOptions Options = new() { MaxDepth = 64 };

    /// <param name="origin">The file or URL named in errors.</param>
    /// <param name="reportedAt">When the response was fetched: the engagement figures are as of that moment.</param>
    public static async Task<IReadOnlyList<ImportRecord>> ParseAsync(
        Stream input, string origin, DateTimeOffset reportedAt, CancellationToken ct)
    {
        var records = new List<ImportRecord>();
        await foreach (var record in ReadAsync(input, origin, reportedAt, ct).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>
    /// The streaming core shared with <see cref="HfDailyPapersReader"/>. The API answers on one line, so an entry's
    /// "line" in an <see cref="ImportError"/> is its 1-based position in the array, which is what a user can find.
    /// </summary>
    internal static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream input, string origin, DateTimeOffset reportedAt, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (first, stream) = await JsonSniffer.FirstByteAsync(input, ct).ConfigureAwait(false);
        if (first is null)
        {
            throw new SourcePayloadException($"hf daily papers {origin}: empty payload, expected a JSON array of entries");
        }

        if (first != (byte)'[')
        {
            throw await NotAnArrayAsync(stream, origin, ct).ConfigureAwait(false);
        }

        var entries = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, Options, ct).GetAsyncEnumerator(ct);
        await using (entries.ConfigureAwait(false))
        {
            var index = 0;
            while (true)
            {
                try
                {
                    if (!await entries.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (JsonException ex)
                {
                    // JsonException positions are 0-based; users count from 1. The serializer reads ahead, so the count
                    // of entries already mapped says nothing about where the fault is: the position does.
                    throw new SourcePayloadException(
                        $"hf daily papers {origin}: malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}", ex);
                }

                index++;
                var paper = HfDailyPaperMapper.Map(entries.Current, reportedAt, out var error);
                yield return paper is not null
                    ? ImportRecord.Of(paper)
                    : ImportRecord.Failed(new ImportError(origin, index, $"daily-papers entry {index}: {error}"));
            }
        }
    }

    // The API answers errors as an object ({"error": "Invalid date"}); say what it said rather than "not an array".
    private static async Task<SourcePayloadException> NotAnArrayAsync(Stream stream, string origin, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, default, ct).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                var text = error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText();
                return new SourcePayloadException($"hf daily papers {origin}: the API answered an error instead of papers: {text}");
            }

            return new SourcePayloadException($"hf daily papers {origin}: expected a JSON array of entries, found {Describe(root.ValueKind)}");
        }
        catch (JsonException ex)
        {
            return new SourcePayloadException(
                $"hf daily papers {origin}: malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}", ex);
        }
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
