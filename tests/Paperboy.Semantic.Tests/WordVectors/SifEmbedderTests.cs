using Paperboy.Semantic.WordVectors;

namespace Paperboy.Semantic.Tests.WordVectors;

public sealed class SifEmbedderTests : IDisposable
{
    private static readonly string[] Corpus =
    [
        "the cat of the kitten",
        "a car of the truck",
        "the kitten and a cat",
        "the truck of a car",
        "a cat, the car",
    ];

    private readonly TempDirectory _temp = new();
    private readonly WordVectorTable _table;

    public SifEmbedderTests() => _table = TestTables.Write(_temp.File("animals.pbv"), TestTables.Animals, "animals");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Word_frequencies_are_corpus_counts_smoothed_towards_the_zipf_prior()
    {
        var model = SifModel.Fit(_table, Corpus, priorWords: 100);
        var weights = model.Weights(_table.Count);
        _table.TryGetIndex("the", out var the);
        _table.TryGetIndex("kitten", out var kitten);
        _table.TryGetIndex("helix", out var helix);
        var harmonic = Enumerable.Range(1, _table.Count).Sum(r => 1.0 / r);

        Assert.Equal(23, model.TotalCount);
        Assert.Equal(6, model.Counts[the]);
        Assert.Equal(3e-4 / (3e-4 + (6 + 100 / ((the + 1) * harmonic)) / 123), weights[the], 6);
        Assert.Equal(3e-4 / (3e-4 + (2 + 100 / ((kitten + 1) * harmonic)) / 123), weights[kitten], 6);
        Assert.Equal(3e-4 / (3e-4 + 100 / ((helix + 1) * harmonic) / 123), weights[helix], 6);
    }

    [Fact]
    public void A_general_word_the_corpus_never_used_weighs_less_than_a_rarer_one()
    {
        var model = SifModel.Fit(_table, Corpus, a: 1e-2);
        var weights = model.Weights(_table.Count);
        _table.TryGetIndex("the", out var the);
        _table.TryGetIndex("x", out var x);
        _table.TryGetIndex("über", out var uber);

        // Neither x nor über is in the corpus; x comes earlier in the frequency-ordered table.
        Assert.True(x < uber);
        Assert.True(weights[x] < weights[uber]);
        Assert.True(weights[the] < weights[x]);
    }

    [Fact]
    public void Without_a_prior_unseen_words_weigh_the_most()
    {
        var model = SifModel.Fit(_table, Corpus, priorWords: 0);
        var weights = model.Weights(_table.Count);
        _table.TryGetIndex("the", out var the);
        _table.TryGetIndex("helix", out var helix);

        Assert.Equal(3e-4 / (3e-4 + 6.0 / 23), weights[the], 6);
        Assert.Equal(1f, weights[helix]);
    }

    [Theory]
    [InlineData(6, 1)]
    [InlineData(50, 2)]
    [InlineData(100, 3)]
    [InlineData(300, 3)]
    public void Tables_of_few_dimensions_lose_fewer_common_components(int dimensions, int expected) =>
        Assert.Equal(expected, SifModel.ComponentsFor(dimensions));

    [Fact]
    public void The_common_components_are_orthonormal_and_the_first_is_the_shared_direction()
    {
        var model = SifModel.Fit(_table, Corpus, components: 3);

        Assert.Equal(3, model.Components.Count);
        // Every word vector leans on axis 0, so every sentence vector does.
        Assert.InRange(model.Components[0][0], 0.8f, 1f);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(i == j ? 1.0 : 0.0, Dot(model.Components[i], model.Components[j]), 4);
            }
        }
    }

    [Fact]
    public void Embeddings_are_unit_length_and_orthogonal_to_the_common_components()
    {
        var model = SifModel.Fit(_table, Corpus, components: 3);
        var embedder = new SifEmbedder(_table, model);

        foreach (var vector in embedder.Embed(["the cat", "a truck of state-of-the-art", "kitten"]))
        {
            Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 5);
            Assert.All(model.Components, component => Assert.Equal(0.0, Dot(vector, component), 4));
        }
    }

    [Fact]
    public void Embeddings_match_the_plain_reference_computation()
    {
        var model = SifModel.Fit(_table, Corpus);
        var embedder = new SifEmbedder(_table, model);
        string[][] texts = [["the", "cat", "of", "a", "kitten"], ["truck", "car", "the"], ["helix", "über", "x", "a"]];

        var vectors = embedder.Embed(texts.Select(words => string.Join(' ', words)).ToList());

        for (var i = 0; i < texts.Length; i++)
        {
            var expected = SifReference.Embed(_table, model, texts[i]);
            for (var d = 0; d < expected.Length; d++)
            {
                Assert.Equal(expected[d], vectors[i][d], 4);
            }
        }
    }

    [Fact]
    public void Related_texts_are_closer_than_unrelated_ones()
    {
        // The default for 6 dimensions is one component: here the second and third directions are the topics themselves.
        var embedder = new SifEmbedder(_table, SifModel.Fit(_table, Corpus));

        var vectors = embedder.Embed(["the cat", "a kitten", "the truck"]);

        var related = Dot(vectors[0], vectors[1]);
        var unrelated = Dot(vectors[0], vectors[2]);
        Assert.True(related > 0.9, $"cat~kitten {related}");
        Assert.True(unrelated < 0.3, $"cat~truck {unrelated}");
    }

    [Fact]
    public void A_text_without_known_words_embeds_as_the_zero_vector()
    {
        var embedder = new SifEmbedder(_table, SifModel.Fit(_table, Corpus));

        var vectors = embedder.Embed(["", "dog bird", "$$ \\alpha \\beta $$ --"]);

        Assert.All(vectors, v => Assert.True(SifEmbedder.IsZero(v)));
        Assert.All(vectors, v => Assert.Equal(6, v.Length));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_fingerprint_and_embeddings()
    {
        var model = SifModel.Fit(_table, Corpus, a: 3e-4);
        var path = _temp.File(SifModelFile.FileName(model));
        SifModelFile.Save(model, path);

        var loaded = SifModelFile.Load(path, _table);

        Assert.Equal(model.Fingerprint, loaded.Fingerprint);
        Assert.Equal($"sif-{model.Fingerprint}.bin", Path.GetFileName(path));
        Assert.Equal(new SifEmbedder(_table, model).Embed(["the cat of a car"])[0], new SifEmbedder(_table, loaded).Embed(["the cat of a car"])[0]);
    }

    [Fact]
    public void The_model_id_changes_with_the_fit_and_names_the_vectors()
    {
        var first = new SifEmbedder(_table, SifModel.Fit(_table, Corpus)).Model;
        var again = new SifEmbedder(_table, SifModel.Fit(_table, Corpus)).Model;
        var otherA = new SifEmbedder(_table, SifModel.Fit(_table, Corpus, a: 1e-4)).Model;
        var otherCorpus = new SifEmbedder(_table, SifModel.Fit(_table, Corpus.Take(3))).Model;
        var otherPrior = new SifEmbedder(_table, SifModel.Fit(_table, Corpus, priorWords: 10)).Model;
        var otherComponents = new SifEmbedder(_table, SifModel.Fit(_table, Corpus, components: 2)).Model;

        Assert.StartsWith($"sif:animals:{_table.Checksum[..8]}-", first.Id, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.NotEqual(first.Id, otherA.Id);
        Assert.NotEqual(first.Id, otherCorpus.Id);
        Assert.NotEqual(first.Id, otherPrior.Id);
        Assert.NotEqual(first.Id, otherComponents.Id);
        Assert.Equal(6, first.Dimensions);
    }

    [Fact]
    public void A_model_fitted_with_other_vectors_is_refused()
    {
        var other = TestTables.Write(_temp.File("other.pbv"), TestTables.Animals.Take(6), "other");
        var model = SifModel.Fit(other, Corpus);
        var path = _temp.File("sif.bin");
        SifModelFile.Save(model, path);

        Assert.Throws<ArgumentException>(() => new SifEmbedder(_table, model));
        var error = Assert.Throws<InvalidDataException>(() => SifModelFile.Load(path, _table));
        Assert.Contains("fitted with other word vectors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_model_file_is_refused()
    {
        var path = _temp.File("sif.bin");
        SifModelFile.Save(SifModel.Fit(_table, Corpus), path);
        var bytes = File.ReadAllBytes(path);
        bytes[40] ^= 1;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => SifModelFile.Load(path, _table));
        Assert.Contains("checksum mismatch", error.Message, StringComparison.Ordinal);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
