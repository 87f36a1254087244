using Paperboy.Search.Indexing;
using Paperboy.Search.Storage;
using Paperboy.Search.Tests.Indexing;

namespace Paperboy.Search.Tests.Storage;

public sealed class SegmentFilesTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Write_returns_the_two_file_names_and_creates_both_files()
    {
        var segment = SegmentWriter.Write(Corpora.Documents(new Random(1), 20));

        var names = SegmentFiles.Write(segment, _directory.Path, "_7");

        Assert.Equal(["_7.pbi", "_7.pbd"], names);
        Assert.All(names, name => Assert.True(File.Exists(_directory.File(name))));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 300)]
    public void An_opened_segment_holds_the_arrays_values_keys_and_documents_that_were_written(int seed, int count)
    {
        var random = new Random(seed);
        var written = SegmentWriter.Write([.. Enumerable.Range(0, count).Select(i => SegmentWriterTests.RandomDocument(random, i))]);

        SegmentFiles.Write(written, _directory.Path, "_0");
        using var opened = SegmentFiles.Open(_directory.Path, "_0");

        SegmentWriterTests.AssertSameSegment(written, opened);
        Assert.Equal(written.InvertedIndexBytes, opened.InvertedIndexBytes);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 300)]
    public void A_segment_kept_as_written_is_the_segment_opened_from_its_files(int seed, int count)
    {
        var random = new Random(seed);
        var written = SegmentWriter.Write([.. Enumerable.Range(0, count).Select(i => SegmentWriterTests.RandomDocument(random, i))]);

        using var kept = SegmentFiles.WriteAndOpen(written, _directory.Path, "_0");
        using var opened = SegmentFiles.Open(_directory.Path, "_0");

        SegmentWriterTests.AssertSameSegment(opened, kept);
        // The stored documents come from the file, not from the segment built in memory.
        Assert.NotSame(written.StoredDocuments, kept.StoredDocuments);
        Assert.Equal(opened.StoredDocuments.GetType(), kept.StoredDocuments.GetType());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Searches_give_the_same_hits_scores_and_snippets_after_write_and_open(int seed)
    {
        var random = new Random(seed);
        var written = SegmentWriter.Write(Corpora.Documents(random, 400));
        SegmentFiles.Write(written, _directory.Path, "_0");
        using var opened = SegmentFiles.Open(_directory.Path, "_0");

        foreach (var settings in new[] { SearchSettings.Default, SearchSettings.Default with { FeedbackDocs = 0, ProximityWeight = 0 } })
        {
            Corpora.AssertSameResults(new SearchIndex(written, settings), new SearchIndex(opened, settings), Corpora.Queries(random, 150));
        }
    }

    [Fact]
    public void A_segment_written_from_an_opened_segment_is_the_same_bytes()
    {
        var written = SegmentWriter.Write(Corpora.Documents(new Random(4), 150));
        var first = SegmentFiles.Write(written, _directory.Path, "_0");
        using var opened = SegmentFiles.Open(_directory.Path, "_0");

        var second = SegmentFiles.Write(opened, _directory.Path, "_1");

        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(_directory.File(first[i])), File.ReadAllBytes(_directory.File(second[i])));
        }
    }

    [Theory]
    [InlineData(".pbi")]
    [InlineData(".pbd")]
    public void A_missing_file_is_reported_as_corrupt_by_name(string extension)
    {
        SegmentFiles.Write(SegmentWriter.Write(Corpora.Documents(new Random(5), 10)), _directory.Path, "_0");
        File.Delete(_directory.File("_0" + extension));

        var error = Assert.Throws<CorruptIndexException>(() => SegmentFiles.Open(_directory.Path, "_0"));

        Assert.Equal(_directory.File("_0" + extension), error.File);
        Assert.Contains($"_0{extension} is unreadable: the file is missing", error.Message);
    }

    [Theory]
    [InlineData(".pbi")]
    [InlineData(".pbd")]
    public void A_truncated_file_is_reported_as_corrupt_at_any_length(string extension)
    {
        SegmentFiles.Write(SegmentWriter.Write(Corpora.Documents(new Random(6), 60)), _directory.Path, "_0");
        var path = _directory.File("_0" + extension);
        var bytes = File.ReadAllBytes(path);

        foreach (var length in new[] { 0, 3, 15, 16, 40, bytes.Length / 2, bytes.Length - 13, bytes.Length - 12, bytes.Length - 1 })
        {
            File.WriteAllBytes(path, bytes[..length]);

            var error = Assert.Throws<CorruptIndexException>(() => SegmentFiles.Open(_directory.Path, "_0"));

            Assert.Equal(path, error.File);
            Assert.Contains("truncated", error.Message);
        }
    }

    [Theory]
    [InlineData(".pbi")]
    [InlineData(".pbd")]
    public void A_flipped_byte_anywhere_is_reported_as_corrupt(string extension)
    {
        SegmentFiles.Write(SegmentWriter.Write(Corpora.Documents(new Random(7), 60)), _directory.Path, "_0");
        var path = _directory.File("_0" + extension);
        var bytes = File.ReadAllBytes(path);
        var random = new Random(8);
        // Every header and footer byte, and a few dozen bytes in between.
        var offsets = Enumerable.Range(0, 4).Concat(Enumerable.Range(bytes.Length - 12, 12))
            .Concat(Enumerable.Range(0, 40).Select(_ => random.Next(4, bytes.Length - 12)));

        foreach (var offset in offsets)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[offset] ^= (byte)(1 << random.Next(8));
            File.WriteAllBytes(path, damaged);

            var error = Assert.Throws<CorruptIndexException>(() => SegmentFiles.Open(_directory.Path, "_0"));

            Assert.Equal(path, error.File);
        }
        File.WriteAllBytes(path, bytes);
        SegmentFiles.Open(_directory.Path, "_0").Dispose();
    }

    [Fact]
    public void A_byte_flipped_in_the_data_is_a_checksum_mismatch()
    {
        SegmentFiles.Write(SegmentWriter.Write(Corpora.Documents(new Random(9), 60)), _directory.Path, "_0");
        var path = _directory.File("_0.pbi");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length - 20] ^= 0x10; // inside the keys' blob or offsets: a count check cannot notice

        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<CorruptIndexException>(() => SegmentFiles.Open(_directory.Path, "_0"));

        Assert.Contains("checksum mismatch", error.Message);
    }

    [Theory]
    [InlineData(".pbi")]
    [InlineData(".pbd")]
    public void A_file_of_another_format_version_is_refused_with_its_version(string extension)
    {
        SegmentFiles.Write(SegmentWriter.Write(Corpora.Documents(new Random(10), 10)), _directory.Path, "_0");
        var path = _directory.File("_0" + extension);
        var bytes = File.ReadAllBytes(path);
        bytes[^12] = 99; // the footer's version, little-endian

        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<CorruptIndexException>(() => SegmentFiles.Open(_directory.Path, "_0"));

        Assert.Contains($"format version 99; this build reads version {IndexFileFormat.Version}", error.Message);
    }

    [Fact]
    public void A_documents_file_of_another_segment_is_refused()
    {
        SegmentFiles.Write(SegmentWriter.Write(Corpora.Documents(new Random(11), 10)), _directory.Path, "_0");
        SegmentFiles.Write(SegmentWriter.Write(Corpora.Documents(new Random(12), 11)), _directory.Path, "_1");
        File.Copy(_directory.File("_1.pbd"), _directory.File("_0.pbd"), overwrite: true);

        var error = Assert.Throws<CorruptIndexException>(() => SegmentFiles.Open(_directory.Path, "_0"));

        Assert.Contains("11 documents where the segment's index has 10", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void A_segment_name_that_is_not_a_plain_file_name_is_refused(string name)
    {
        var segment = SegmentWriter.Write([]);

        Assert.Throws<ArgumentException>(() => SegmentFiles.Write(segment, _directory.Path, name));
    }

    [Theory]
    [InlineData(".pbi")]
    [InlineData(".pbd")]
    public void Damage_behind_a_recomputed_checksum_is_refused_or_read_but_never_crashes_the_reader(string extension)
    {
        // As a writer's bug would leave a file: bytes wrong, checksum right. Every check behind the
        // checksum gets exercised; a flip that leaves a well-formed file may open.
        SegmentFiles.Write(SegmentWriter.Write(Corpora.Documents(new Random(13), 40)), _directory.Path, "_0");
        var path = _directory.File("_0" + extension);
        var bytes = File.ReadAllBytes(path);
        var random = new Random(14);
        var refused = 0;
        for (var round = 0; round < 300; round++)
        {
            var damaged = (byte[])bytes.Clone();
            // Small offsets (counts, offsets tables near the start) more often than the rest.
            var offset = random.Next(2) == 0 ? random.Next(4, Math.Min(200, bytes.Length - 12)) : random.Next(4, bytes.Length - 12);
            damaged[offset] = random.Next(3) == 0 ? (byte)0xFF : (byte)(damaged[offset] ^ (1 << random.Next(8)));
            File.WriteAllBytes(path, Reseal(damaged));
            try
            {
                using var segment = SegmentFiles.Open(_directory.Path, "_0");
                for (var doc = 0; doc < segment.DocCount; doc++)
                {
                    segment.Document(doc);
                }
            }
            catch (CorruptIndexException error)
            {
                Assert.Equal(path, error.File);
                refused++;
            }
        }
        Assert.InRange(refused, 30, 300);
    }

    // Rewrites the footer's checksum for the bytes before it.
    private static byte[] Reseal(byte[] file)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 8), Crc32C.Compute(file.AsSpan(0, file.Length - 12)));
        return file;
    }
}
