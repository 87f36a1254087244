using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Vectors;

namespace Paperboy.Semantic.Tests.Vectors;

/// <summary>
/// What a crash or a bad disk can leave behind, made by hand: stray temporary and segment files,
/// and damaged or truncated committed files. The first must be ignored and cleaned up; the second
/// must be refused with an exception naming the file, never served.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Dimensions = 8;
    private static readonly EmbeddingModel Model = TestVectors.Model(Dimensions);

    [Fact]
    public void Files_a_crashed_commit_left_behind_are_ignored_by_readers_and_deleted_by_the_next_writer()
    {
        using var directory = new TestDirectory();
        var vectors = Commit(directory.Path, count: 10);
        // A commit killed after writing its segment and a half-written meta, before the rename.
        File.WriteAllBytes(directory.File("seg99.pbv"), [1, 2, 3]);
        File.WriteAllBytes(directory.File("vectors.meta.tmp"), [4, 5]);

        using (var index = VectorIndex.Open(directory.Path))
        {
            Assert.Equal(10, index.Count);
            Assert.Equal("doc3", index.Search(vectors["doc3"], 1)[0].Key);
        }

        using var writer = VectorIndexWriter.Open(directory.Path, Model);
        Assert.False(File.Exists(directory.File("seg99.pbv")));
        Assert.False(File.Exists(directory.File("vectors.meta.tmp")));
        Assert.Equal(10, writer.Snapshot.Count);
    }

    [Fact]
    public void A_flipped_byte_in_a_segment_is_reported_as_a_checksum_mismatch_naming_the_file()
    {
        using var directory = new TestDirectory();
        Commit(directory.Path, count: 10);
        var segment = Directory.GetFiles(directory.Path, "*.pbv").Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(segment, bytes);

        var error = Assert.Throws<CorruptVectorIndexException>(() => VectorIndex.Open(directory.Path));

        Assert.Equal(segment, error.FilePath);
        Assert.Contains("checksum mismatch", error.Message, StringComparison.Ordinal);
        Assert.Throws<CorruptVectorIndexException>(() => VectorIndexWriter.Open(directory.Path, Model));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(200)]
    public void A_truncated_segment_is_refused(int bytesCut)
    {
        using var directory = new TestDirectory();
        Commit(directory.Path, count: 10);
        var segment = Directory.GetFiles(directory.Path, "*.pbv").Single();
        var bytes = File.ReadAllBytes(segment);
        File.WriteAllBytes(segment, bytes[..^bytesCut]);

        var error = Assert.Throws<CorruptVectorIndexException>(() => VectorIndex.Open(directory.Path));
        Assert.Equal(segment, error.FilePath);
    }

    [Fact]
    public void A_missing_segment_is_refused()
    {
        using var directory = new TestDirectory();
        Commit(directory.Path, count: 10);
        File.Delete(Directory.GetFiles(directory.Path, "*.pbv").Single());

        var error = Assert.Throws<CorruptVectorIndexException>(() => VectorIndex.Open(directory.Path));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_meta_file_is_refused_rather_than_read_as_an_empty_index()
    {
        using var directory = new TestDirectory();
        Commit(directory.Path, count: 10);
        var meta = directory.File("vectors.meta");
        var bytes = File.ReadAllBytes(meta);
        bytes[3] ^= 0x01;
        File.WriteAllBytes(meta, bytes);

        var error = Assert.Throws<CorruptVectorIndexException>(() => VectorIndex.Open(directory.Path));
        Assert.Equal(meta, error.FilePath);
    }

    [Fact]
    public void A_segment_from_another_format_version_is_refused_with_the_versions_named()
    {
        using var directory = new TestDirectory();
        Commit(directory.Path, count: 3);
        var segment = Directory.GetFiles(directory.Path, "*.pbv").Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[^16] = 9; // the footer's version field
        File.WriteAllBytes(segment, bytes);

        var error = Assert.Throws<CorruptVectorIndexException>(() => VectorIndex.Open(directory.Path));
        Assert.Contains("format version 9", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, float[]> Commit(string directory, int count)
    {
        var vectors = TestVectors.Uniform(seed: count, count, Dimensions);
        using var writer = VectorIndexWriter.Open(directory, Model);
        foreach (var (key, vector) in vectors)
        {
            writer.Add(key, vector);
        }
        writer.Commit();
        return vectors;
    }
}
