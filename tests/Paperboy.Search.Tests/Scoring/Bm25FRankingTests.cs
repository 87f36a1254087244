using static Paperboy.Search.Tests.Docs;

namespace Paperboy.Search.Tests.Scoring;

public class Bm25FRankingTests
{
    // The formula of the first pass alone: feedback re-ranking has its own tests (FeedbackTests).
    private static readonly SearchSettings FirstPassOnly = SearchSettings.Default with { FeedbackDocs = 0 };

    [Fact]
    public void Search_ranks_title_match_above_abstract_match()
    {
        var index = Index(
            Doc("abstract-only", "A study of trees", "We apply transformers to forests."),
            Doc("title", "Transformers for forests", "A study of trees."));
        Assert.Equal(["title", "abstract-only"], index.Search("transformers").Keys());
    }

    [Fact]
    public void Search_ranks_more_matched_terms_above_fewer()
    {
        var index = Index(
            Doc("one", "Graph partitioning", "Spectral methods."),
            Doc("two", "Graph neural partitioning", "Spectral methods."),
            Doc("three", "Graph neural networks", "Spectral partitioning methods."));
        Assert.Equal(["three", "two", "one"], index.Search("graph neural network partitioning").Keys());
    }

    [Fact]
    public void Search_ranks_shorter_field_above_longer_field_for_the_same_frequency()
    {
        var index = Index(FirstPassOnly,
            Doc("long", "Sparse attention with rotary embeddings for long documents in retrieval"),
            Doc("short", "Sparse attention"));
        var results = index.Search("attention");
        Assert.Equal(["short", "long"], results.Keys());
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Fact]
    public void Search_gives_the_hand_computed_bm25f_score()
    {
        // N = 2, df(graph) = 2: idf = ln(1 + 0.5 / 2.5) = ln 1.2.
        // Title lengths 1 and 1 (avg 1); abstract lengths 2 ("graph theori") and 4 (avg 3).
        // d1: tf~ = 2.5 * 1 / (0.25 + 0.75 * 1/1) + 1 * 1 / (0.25 + 0.75 * 2/3) = 2.5 + 1.3333 = 3.8333
        //     score = ln 1.2 * 3.8333 / (1.2 + 3.8333) = 0.138854166
        // d2: tf~ = 2 / (0.25 + 0.75 * 4/3) = 1.6;  score = ln 1.2 * 1.6 / 2.8 = 0.104183747
        var index = Index(FirstPassOnly,
            Doc("d1", "Graph", "Graph theory"),
            Doc("d2", "Trees", "Graph graph forest model"));
        var results = index.Search("graph");
        Assert.Equal(["d1", "d2"], results.Keys());
        Assert.Equal(0.138854166, results.Hits[0].Score, 1e-6);
        Assert.Equal(0.104183747, results.Hits[1].Score, 1e-6);
    }

    [Fact]
    public void A_word_is_as_frequent_as_its_most_frequent_field()
    {
        // N = 4; lens is in one title and two other abstracts: df = max(1, 2) = 2, not the 3 papers
        // holding it, so idf = ln(1 + 2.5 / 2.5) = ln 2. Title lengths 1 (avg 1), abstract lengths 1
        // (avg 1): the title paper's tf~ = 2.5 -> ln 2 * 2.5 / 3.7 = 0.468342690; an abstract paper's
        // tf~ = 1 -> ln 2 / 2.2 = 0.315066900.
        var index = Index(FirstPassOnly,
            Doc("title", "Lens", "Optics"),
            Doc("abstract-1", "Optics", "Lens"),
            Doc("abstract-2", "Mirror", "Lens"),
            Doc("neither", "Mirror", "Optics"));
        var results = index.Search("lens");
        Assert.Equal(["title", "abstract-1", "abstract-2"], results.Keys());
        Assert.Equal(0.468342690, results.Hits[0].Score, 1e-6);
        Assert.Equal(0.315066900, results.Hits[1].Score, 1e-6);
    }

    [Fact]
    public void Settings_change_the_ranking_without_rebuilding()
    {
        var index = Index(FirstPassOnly,
            Doc("title", "Diffusion", "Images."),
            Doc("abstract", "Images", "Diffusion diffusion diffusion."));
        Assert.Equal("title", index.Search("diffusion").Hits[0].Key);
        var abstractOnly = index.WithSettings(FirstPassOnly with { TitleWeight = 0 });
        Assert.Equal(["abstract"], abstractOnly.Search("diffusion").Keys()[..1]);
        Assert.Equal(0f, abstractOnly.Search("diffusion").Hits[1].Score);
    }

    [Fact]
    public void Settings_reject_out_of_range_values_with_the_setting_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new IndexBuilder(SearchSettings.Default with { TitleB = 1.5 }));
        Assert.Equal("TitleB", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexBuilder(SearchSettings.Default with { K1 = -1 }));
    }
}

/// <summary>
/// Field lengths below <see cref="Scoring.Bm25F.TabulatedLengths"/> take their scale from a per-snapshot
/// table, longer ones compute it: both must give the reference's scores, and the order by length.
/// </summary>
public class Bm25FLongFieldTests
{
    [Fact]
    public void Scores_of_fields_on_both_sides_of_the_tabulated_lengths_match_the_reference()
    {
        var settings = SearchSettings.Default with { FeedbackDocs = 0, ProximityWeight = 0 };
        string Abstract(int words) => "graph " + string.Join(' ', Enumerable.Range(0, words - 1).Select(i => $"w{i % 500}"));
        var lengths = new[] { 5, 1_000, 1_022, 1_023, 1_024, 1_025, 3_000 };
        var documents = lengths.Select(n => new SearchDocument($"len{n}", "A study", Abstract(n), [], [], 2020, null, 0)).ToList();
        var index = Docs.Index(settings, [.. documents]);

        var results = index.Search(new SearchRequest("graph") { Limit = 10, Highlight = false });
        var expected = new Reference.BruteForceSearch(documents, settings).Search([new('\u0020', "graph")], null, out var total);

        Assert.Equal(lengths.Length, total);
        Assert.Equal(lengths.Select(n => $"len{n}"), results.Hits.Select(h => h.Key)); // shorter first
        Assert.Equal(expected.Select(e => e.Key), results.Hits.Select(h => h.Key));
        foreach (var (hit, reference) in results.Hits.Zip(expected))
        {
            Assert.Equal(reference.Score, hit.Score, 4);
        }
    }
}
