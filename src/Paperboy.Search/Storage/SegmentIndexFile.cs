using System.Text;
using Paperboy.Search.Indexing;

namespace Paperboy.Search.Storage;

/// <summary>
/// A segment's .pbi file: everything a search reads, loaded whole into the arrays it was written from.
/// After the magic: the doc count; per field (title, abstract, authors) the term count, the terms'
/// UTF-8 blob, the term, postings and positions offsets (term count + 1 int32s each), the postings and
/// the positions blobs (<see cref="PostingsFormat"/>) and the field lengths (doc count int32s, exact);
/// the years, dates (day numbers) and upvotes (doc count int32s each); the category names (a blob and
/// offsets), each document's category ids (doc count + 1 offsets into one id array); the keys (a blob
/// and offsets). Blobs carry their length in front. Reading checks the checksum, then every count
/// against the bytes left, then every offset and value against what it indexes.
/// </summary>
internal static class SegmentIndexFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(Segment segment, string path, CancellationToken cancellationToken)
    {
        using var output = new IndexOutput(path, IndexFileFormat.IndexMagic);
        output.WriteInt32(segment.DocCount);
        foreach (var field in segment.FieldIndexes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var terms = field.Terms;
            output.WriteInt32(terms.Count);
            output.WriteBlob(terms.Bytes);
            output.WriteInt32s(terms.Starts);
            output.WriteInt32s(terms.PostingsStarts);
            output.WriteInt32s(terms.PositionsStarts);
            output.WriteBlob(field.PostingsData);
            output.WriteBlob(field.PositionsData);
            output.WriteInt32s(field.Lengths);
        }
        var values = segment.Values;
        output.WriteInt32s(values.Years);
        output.WriteInt32s(values.Dates);
        output.WriteInt32s(values.Upvotes);
        WriteStrings(output, values.CategoryNames);
        var starts = new int[segment.DocCount + 1];
        for (var doc = 0; doc < segment.DocCount; doc++)
        {
            starts[doc + 1] = starts[doc] + values.Categories[doc].Length;
        }
        output.WriteInt32s(starts);
        output.WriteInt32(starts[^1]);
        foreach (var ids in values.Categories)
        {
            output.WriteInt32s(ids);
        }
        WriteStrings(output, [.. Enumerable.Range(0, segment.DocCount).Select(segment.Key)]);
        output.Finish();
    }

    /// <summary>The fields, values and keys of the file; the caller adds the stored documents.</summary>
    public static (FieldIndex[] Fields, DocValues Values, string[] Keys) Read(string path, CancellationToken cancellationToken)
    {
        using var input = IndexInput.Open(path, IndexFileFormat.IndexMagic, cancellationToken);
        // A document takes at least 5 int32s (3 lengths, a year, ...), which bounds the count.
        var docCount = input.ReadCount("a document count", 4 * 5);
        var parts = new (byte[] Terms, int[] Starts, int[] Postings, int[] Positions, byte[] PostingsData, byte[] PositionsData, int[] Lengths)[Fields.Count];
        for (var f = 0; f < Fields.Count; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var termCount = input.ReadCount("a term count", 3 * 4);
            var terms = input.ReadBlob("a term blob length");
            var starts = input.ReadInt32s(termCount + 1);
            var postings = input.ReadInt32s(termCount + 1);
            var positions = input.ReadInt32s(termCount + 1);
            var postingsData = input.ReadBlob("a postings blob length");
            var positionsData = input.ReadBlob("a positions blob length");
            parts[f] = (terms, starts, postings, positions, postingsData, positionsData, input.ReadInt32s(docCount));
        }
        var years = input.ReadInt32s(docCount);
        var dates = input.ReadInt32s(docCount);
        var upvotes = input.ReadInt32s(docCount);
        var (categoryBlob, categoryStarts) = ReadStrings(input, "a category");
        var idStarts = input.ReadInt32s(docCount + 1);
        var ids = input.ReadInt32s(input.ReadCount("a category id count", 4));
        var (keyBlob, keyStarts) = ReadStrings(input, "a key");
        input.Finish();

        // The bytes are the ones written; what follows catches a writer's bug, not damage.
        var fields = new FieldIndex[Fields.Count];
        for (var f = 0; f < Fields.Count; f++)
        {
            var (terms, starts, postings, positions, postingsData, positionsData, lengths) = parts[f];
            var field = Fields.Name((Field)f);
            CheckOffsets(input, starts, terms.Length, $"{field} term offsets");
            CheckOffsets(input, postings, postingsData.Length, $"{field} postings offsets");
            CheckOffsets(input, positions, positionsData.Length, $"{field} positions offsets");
            var dictionary = new TermDictionary(terms, starts, postings, positions);
            for (var t = 0; t < dictionary.Count; t++)
            {
                if (t > 0 && dictionary.TermBytes(t - 1).SequenceCompareTo(dictionary.TermBytes(t)) >= 0)
                {
                    throw input.Corrupt($"{field} term {t} is not after term {t - 1}");
                }
                CheckPostingsHeader(input, postingsData, postings[t], postings[t + 1], docCount, field, t);
            }
            if (lengths.Any(l => l < 0))
            {
                throw input.Corrupt($"a negative {field} length");
            }
            fields[f] = new FieldIndex(dictionary, postingsData, positionsData, lengths);
        }
        if (dates.Any(d => d != DocValues.NoDate && (uint)d > (uint)DateOnly.MaxValue.DayNumber))
        {
            throw input.Corrupt("a date out of range");
        }
        var categoryNames = DecodeStrings(input, categoryBlob, categoryStarts, "category names");
        if (categoryNames.Distinct(StringComparer.Ordinal).Count() != categoryNames.Length)
        {
            throw input.Corrupt("a category name twice");
        }
        CheckOffsets(input, idStarts, ids.Length, "category id offsets");
        if (ids.Any(id => (uint)id >= (uint)categoryNames.Length))
        {
            throw input.Corrupt("a category id without a name");
        }
        var categories = new int[docCount][];
        for (var doc = 0; doc < docCount; doc++)
        {
            categories[doc] = ids[idStarts[doc]..idStarts[doc + 1]];
        }
        var keys = DecodeStrings(input, keyBlob, keyStarts, "keys");
        if (keys.Length != docCount)
        {
            throw input.Corrupt($"{keys.Length} keys for {docCount} documents");
        }
        return (fields, new DocValues(years, dates, upvotes, categories, categoryNames), keys);
    }

    private static void WriteStrings(IndexOutput output, IReadOnlyList<string> strings)
    {
        var blob = new ByteBuffer();
        var starts = new int[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++)
        {
            blob.Write(Encoding.UTF8.GetBytes(strings[i]));
            starts[i + 1] = blob.Length;
        }
        output.WriteInt32(strings.Count);
        output.WriteBlob(blob.WrittenSpan);
        output.WriteInt32s(starts);
    }

    private static (byte[] Blob, int[] Starts) ReadStrings(IndexInput input, string what)
    {
        var count = input.ReadCount($"{what} count", 4);
        var blob = input.ReadBlob($"{what} blob length");
        return (blob, input.ReadInt32s(count + 1));
    }

    private static string[] DecodeStrings(IndexInput input, byte[] blob, int[] starts, string what)
    {
        CheckOffsets(input, starts, blob.Length, $"{what} offsets");
        var strings = new string[starts.Length - 1];
        try
        {
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = Strict.GetString(blob, starts[i], starts[i + 1] - starts[i]);
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new CorruptIndexException(input.Path, $"{what} that are not UTF-8", e);
        }
        return strings;
    }

    // Offsets into an array of `length` items: from 0, never decreasing, ending at the length.
    private static void CheckOffsets(IndexInput input, int[] starts, int length, string what)
    {
        if (starts[0] != 0 || starts[^1] != length)
        {
            throw input.Corrupt($"{what} run from {starts[0]} to {starts[^1]}, not from 0 to {length}");
        }
        for (var i = 1; i < starts.Length; i++)
        {
            if (starts[i] < starts[i - 1])
            {
                throw input.Corrupt($"{what} go back at entry {i}");
            }
        }
    }

    // The header of a term's postings must fit its region and count between 1 and docCount documents.
    private static void CheckPostingsHeader(IndexInput input, byte[] data, int start, int end, int docCount, string field, int term)
    {
        var region = data.AsSpan(start, end - start);
        var offset = 0;
        var docFrequency = SafeVarInt(region, ref offset);
        var maxFreq = SafeVarInt(region, ref offset);
        var minLength = SafeVarInt(region, ref offset);
        var skipBytes = PostingsFormat.BlockCount((int)Math.Min(docFrequency, int.MaxValue)) > 1 ? SafeVarInt(region, ref offset) : 0;
        if (offset < 0 || docFrequency < 1 || docFrequency > (uint)docCount || maxFreq < 1 || minLength < 1
            || skipBytes >= (uint)(region.Length - offset))
        {
            throw input.Corrupt($"{field} term {term} has a damaged postings header");
        }
    }

    // A varint that may run past the span: then the offset becomes -1.
    private static uint SafeVarInt(ReadOnlySpan<byte> data, ref int offset)
    {
        uint value = 0;
        for (var shift = 0; offset >= 0 && shift < 35; shift += 7)
        {
            if (offset >= data.Length)
            {
                break;
            }
            var b = data[offset++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        offset = -1;
        return 0;
    }
}
