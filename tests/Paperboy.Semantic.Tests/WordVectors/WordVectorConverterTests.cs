using Paperboy.Semantic.WordVectors;

namespace Paperboy.Semantic.Tests.WordVectors;

public sealed class WordVectorConverterTests
{
    [Fact]
    public async Task Wink_json_converts_taking_dimensions_from_the_header_and_dropping_norm_and_index()
    {
        using var temp = new TempDirectory();
        // 3,000 words x 16 make about 500 KB: the streamed reader refills its 64 KB buffer many times.
        var entries = TestTables.Many(3_000, 16, seed: 5);
        entries.Insert(0, ("say \"hi\"", Enumerable.Repeat(0.5f, 16).ToArray()));
        var source = temp.File("wink.json");
        await File.WriteAllTextAsync(source, TestTables.WinkJson(entries));

        var conversion = await WordVectorConverter.ConvertAsync(source, temp.File("wink.pbv"), "wink-test", CancellationToken.None);

        Assert.Equal((3_001, 16, 0), (conversion.Count, conversion.Dimensions, conversion.SkippedWords));
        Assert.InRange(conversion.MinFidelity, 0.999, 1.0);
        var table = WordVectorTable.Open(conversion.Path);
        AssertHolds(table, entries);
        Assert.Equal("say \"hi\"", table.WordAt(0));
    }

    [Fact]
    public async Task Glove_text_converts_and_a_word2vec_count_line_is_skipped()
    {
        using var temp = new TempDirectory();
        var source = temp.File("glove.6B.6d.txt");
        await File.WriteAllTextAsync(source, $"{TestTables.Animals.Length} 6\n" + TestTables.GloveText(TestTables.Animals));

        var conversion = await WordVectorConverter.ConvertAsync(source, temp.File("g.pbv"), "glove-test", CancellationToken.None);

        Assert.Equal((TestTables.Animals.Length, 6), (conversion.Count, conversion.Dimensions));
        AssertHolds(WordVectorTable.Open(conversion.Path), TestTables.Animals);
    }

    [Fact]
    public async Task A_glove_word_with_spaces_keeps_them()
    {
        using var temp = new TempDirectory();
        var source = temp.File("g.txt");
        await File.WriteAllTextAsync(source, "new york 1 2 3\nthe 4 5 6\n");

        var conversion = await WordVectorConverter.ConvertAsync(source, temp.File("g.pbv"), "g", CancellationToken.None);

        var table = WordVectorTable.Open(conversion.Path);
        var vector = new float[3];
        Assert.True(table.TryGetVector("new york", vector));
        Assert.Equal(3f, vector[2], 3);
    }

    [Fact]
    public async Task A_glove_line_with_too_few_numbers_names_its_line()
    {
        using var temp = new TempDirectory();
        var source = temp.File("g.txt");
        await File.WriteAllTextAsync(source, "the 1 2 3\ncat 4 5\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => WordVectorConverter.ConvertAsync(source, temp.File("g.pbv"), "g", CancellationToken.None));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("g.pbv")));
    }

    [Fact]
    public async Task The_wink_tarball_converts_from_its_package_json()
    {
        using var temp = new TempDirectory();
        var tarball = temp.File("wink.tgz");
        await WinkPackages.WriteTarballAsync(tarball, TestTables.Animals);

        var conversion = await WordVectorConverter.ConvertAsync(tarball, temp.File("w.pbv"), "wink", CancellationToken.None);

        AssertHolds(WordVectorTable.Open(conversion.Path), TestTables.Animals);
        Assert.Equal(["w.pbv", "wink.tgz"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static void AssertHolds(WordVectorTable table, IEnumerable<(string Word, float[] Vector)> entries)
    {
        var restored = new float[table.Dimensions];
        foreach (var (word, vector) in entries)
        {
            Assert.True(table.TryGetVector(word, restored), word);
            var step = vector.Max(MathF.Abs) / 127f;
            for (var d = 0; d < vector.Length; d++)
            {
                Assert.InRange(restored[d], vector[d] - step / 2 - 1e-5f, vector[d] + step / 2 + 1e-5f);
            }
        }
    }
}
