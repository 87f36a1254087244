using System.Text.Json;

namespace Paperboy.Ingest.Kaggle;

/// <summary>
/// Reads one snapshot line into a <see cref="KaggleRecord"/> with a <see cref="Utf8JsonReader"/>, as
/// <see cref="JsonSerializer"/> would with <see cref="KaggleJson"/> (the tests compare the two on the
/// sample, on edge cases and on thousands of damaged lines): the same fields, nulls and errors, the
/// last of a repeated property winning, unknown properties skipped. The serializer cost a snapshot
/// import a stack of frames per line (about 0.5 KB) and strings for the fields no paper uses
/// (submitter, license, report-no); here those are skipped unread.
/// </summary>
internal static class KaggleLineParser
{
    /// <summary>The record, or null for a line that is JSON null.</summary>
    /// <exception cref="JsonException">The line is not JSON, or not of the snapshot's shape.</exception>
    public static KaggleRecord? Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
        Next(ref reader);
        KaggleRecord? record = reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.StartObject => ReadRecord(ref reader),
            _ => throw Shape(ref reader, "a record object"),
        };
        // Past the record only whitespace may follow: the reader throws on anything else, as the serializer does.
        reader.Read();
        return record;
    }

    private static KaggleRecord ReadRecord(ref Utf8JsonReader reader)
    {
        var record = new KaggleRecord();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { record.Id = ReadString(ref reader); }
            else if (reader.ValueTextEquals("authors"u8)) { record.Authors = ReadString(ref reader); }
            else if (reader.ValueTextEquals("title"u8)) { record.Title = ReadString(ref reader); }
            else if (reader.ValueTextEquals("comments"u8)) { record.Comments = ReadString(ref reader); }
            else if (reader.ValueTextEquals("journal-ref"u8)) { record.JournalRef = ReadString(ref reader); }
            else if (reader.ValueTextEquals("doi"u8)) { record.Doi = ReadString(ref reader); }
            else if (reader.ValueTextEquals("categories"u8)) { record.Categories = ReadString(ref reader); }
            else if (reader.ValueTextEquals("abstract"u8)) { record.Abstract = ReadString(ref reader); }
            else if (reader.ValueTextEquals("update_date"u8)) { record.UpdateDate = ReadString(ref reader); }
            else if (reader.ValueTextEquals("versions"u8)) { record.Versions = ReadVersions(ref reader); }
            else if (reader.ValueTextEquals("authors_parsed"u8)) { record.AuthorsParsed = ReadAuthorsParsed(ref reader); }
            // Fields no paper uses are checked for their type, as the serializer checks them, but not kept.
            else if (reader.ValueTextEquals("submitter"u8) || reader.ValueTextEquals("license"u8) || reader.ValueTextEquals("report-no"u8)) { SkipString(ref reader); }
            else { SkipValue(ref reader); }
        }
        return record;
    }

    private static List<KaggleVersion?>? ReadVersions(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) == JsonTokenType.Null)
        {
            return null;
        }
        Expect(ref reader, JsonTokenType.StartArray, "a list of versions");
        var versions = new List<KaggleVersion?>(4);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                versions.Add(null);
                continue;
            }
            Expect(ref reader, JsonTokenType.StartObject, "a version object");
            var version = new KaggleVersion();
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8)) { version.Version = ReadString(ref reader); }
                else if (reader.ValueTextEquals("created"u8)) { version.Created = ReadString(ref reader); }
                else { SkipValue(ref reader); }
            }
            versions.Add(version);
        }
        return versions;
    }

    private static List<List<string?>?>? ReadAuthorsParsed(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) == JsonTokenType.Null)
        {
            return null;
        }
        Expect(ref reader, JsonTokenType.StartArray, "a list of authors");
        var authors = new List<List<string?>?>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                authors.Add(null);
                continue;
            }
            Expect(ref reader, JsonTokenType.StartArray, "an author's name parts");
            var parts = new List<string?>(3);
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                parts.Add(CurrentString(ref reader));
            }
            authors.Add(parts);
        }
        return authors;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return CurrentString(ref reader);
    }

    private static string? CurrentString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException e)
                {
                    // An escaped lone surrogate ("\ud800"): the serializer reports it as bad JSON too.
                    throw new JsonException($"a string at byte {reader.TokenStartIndex} that is not text: {e.Message}", e);
                }
            case JsonTokenType.Null:
                return null;
            default:
                throw Shape(ref reader, "a string");
        }
    }

    // An unknown property's value, whatever its shape.
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        reader.Skip();
    }

    private static void SkipString(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) is not (JsonTokenType.String or JsonTokenType.Null))
        {
            throw Shape(ref reader, "a string");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException($"the line ends at byte {reader.BytesConsumed} inside the record");
        }
        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw Shape(ref reader, what);
        }
    }

    private static JsonException Shape(ref Utf8JsonReader reader, string expected) =>
        new($"expected {expected} at byte {reader.TokenStartIndex}, found {reader.TokenType}");
}
