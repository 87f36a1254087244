using Paperboy.Semantic.WordVectors;

namespace Paperboy.Semantic.Tests.WordVectors;

public sealed class WordVectorTableTests
{
    [Fact]
    public void Round_trip_keeps_every_component_within_half_a_quantization_step()
    {
        using var temp = new TempDirectory();
        var entries = TestTables.Many(500, 37, seed: 3);
        var table = TestTables.Write(temp.File("t.pbv"), entries, "many");

        Assert.Equal(("many", 500, 37), (table.Name, table.Count, table.Dimensions));
        var restored = new float[37];
        foreach (var (word, vector) in entries)
        {
            Assert.True(table.TryGetVector(word, restored));
            var step = vector.Max(MathF.Abs) / 127f;
            for (var d = 0; d < vector.Length; d++)
            {
                Assert.InRange(restored[d] - vector[d], -step / 2 - 1e-6f, step / 2 + 1e-6f);
            }
        }
    }

    [Fact]
    public void Rows_keep_the_source_order_so_the_index_is_the_frequency_rank()
    {
        using var temp = new TempDirectory();
        var table = TestTables.Write(temp.File("t.pbv"), TestTables.Animals);

        Assert.True(table.TryGetIndex("cat", out var cat));
        Assert.Equal(3, cat);
        Assert.Equal("über", table.WordAt(table.Count - 1));
        Assert.True(table.TryGetIndex("über", out _));
    }

    [Fact]
    public void Lookup_misses_unknown_empty_and_differently_cased_words()
    {
        using var temp = new TempDirectory();
        var table = TestTables.Write(temp.File("t.pbv"), TestTables.Animals);
        var destination = new float[6];

        Assert.False(table.TryGetVector("dog", destination));
        Assert.False(table.TryGetVector("", destination));
        Assert.False(table.TryGetVector("Cat", destination));
        Assert.False(table.TryGetVector(new string('c', 1000), destination));
    }

    [Fact]
    public void A_repeated_word_keeps_its_first_vector()
    {
        using var temp = new TempDirectory();
        var table = TestTables.Write(temp.File("t.pbv"), [("cat", [1f, 0f]), ("cat", [0f, 1f]), ("dog", [0f, 2f])]);
        var vector = new float[2];

        Assert.Equal(2, table.Count);
        Assert.True(table.TryGetVector("cat", vector));
        Assert.Equal([1f, 0f], vector);
    }

    [Fact]
    public void A_truncated_file_is_rejected_with_a_message_naming_it()
    {
        using var temp = new TempDirectory();
        var path = temp.File("t.pbv");
        TestTables.Write(path, TestTables.Animals);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var error = Assert.Throws<InvalidDataException>(() => WordVectorTable.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_in_a_vector_fails_the_checksum()
    {
        using var temp = new TempDirectory();
        var path = temp.File("t.pbv");
        TestTables.Write(path, TestTables.Animals);
        var bytes = File.ReadAllBytes(path);
        bytes[^50] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => WordVectorTable.Open(path));
        Assert.Contains("checksum mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_another_kind_is_rejected()
    {
        using var temp = new TempDirectory();
        var path = temp.File("t.pbv");
        File.WriteAllText(path, new string('x', 200));

        var error = Assert.Throws<InvalidDataException>(() => WordVectorTable.Open(path));
        Assert.Contains("no PBWV header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checksum_fingerprints_the_vectors()
    {
        using var temp = new TempDirectory();
        var first = TestTables.Write(temp.File("a.pbv"), TestTables.Animals);
        var same = TestTables.Write(temp.File("b.pbv"), TestTables.Animals);
        var other = TestTables.Write(temp.File("c.pbv"), TestTables.Animals.Take(5));

        Assert.Equal(first.Checksum, same.Checksum);
        Assert.NotEqual(first.Checksum, other.Checksum);
        Assert.Equal(64, first.Checksum.Length);
    }
}
