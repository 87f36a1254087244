using static Paperboy.Search.Tests.Docs;

namespace Paperboy.Search.Tests.Searching;

public class SearchBehaviourTests
{
    [Fact]
    public void Phrase_matches_consecutive_words_only_while_bag_of_words_matches_both()
    {
        var index = Index(
            Doc("phrase", "Neural network pruning"),
            Doc("scattered", "Network methods for neural decoding"));
        Assert.Equal(["phrase"], index.Search("\"neural network\"").Keys());
        Assert.Equal(2, index.Search("neural network").TotalMatches);
    }

    [Fact]
    public void A_ranked_search_stops_counting_past_the_exact_total_asked_for_but_ranks_the_same()
    {
        var documents = Enumerable.Range(0, 300).Select(i => Doc($"d{i:D3}", i % 3 == 0 ? "graph clustering" : "graph methods", i % 5 == 0 ? "spectral" : "")).ToArray();
        var index = Index(documents);
        var exact = index.Search(new SearchRequest("graph spectral") { ExactTotalUpTo = int.MaxValue });
        Assert.Equal(300, exact.TotalMatches);
        Assert.False(exact.TotalIsLowerBound);

        var capped = index.Search(new SearchRequest("graph spectral") { ExactTotalUpTo = 50 });
        Assert.Equal(50, capped.TotalMatches);
        Assert.True(capped.TotalIsLowerBound);
        Assert.Equal(exact.Keys(), capped.Keys());
        Assert.Equal(exact.Hits.Select(h => h.Score), capped.Hits.Select(h => h.Score));

        // Below the cap, facets (which see every match) and required words count exactly.
        Assert.Equal((60, false), Total(index.Search(new SearchRequest("spectral") { ExactTotalUpTo = 61 })));
        Assert.Equal((300, false), Total(index.Search(new SearchRequest("graph spectral") { ExactTotalUpTo = 50, Facets = true })));
        Assert.Equal((60, false), Total(index.Search(new SearchRequest("+graph +spectral") { ExactTotalUpTo = 50 })));
        // The default counts past anything a test corpus holds.
        Assert.Equal((300, false), Total(index.Search("graph")));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(new SearchRequest("graph") { ExactTotalUpTo = 0 }));
    }

    private static (int, bool) Total(SearchResults results) => (results.TotalMatches, results.TotalIsLowerBound);

    [Fact]
    public void Phrase_with_a_stop_word_keeps_the_gap_it_leaves()
    {
        var index = Index(
            Doc("gap", "Bag-of-words models"),
            Doc("adjacent", "Bag words models"));
        Assert.Equal(["gap"], index.Search("\"bag of words\"").Keys());
    }

    [Fact]
    public void Phrase_must_be_within_one_field()
    {
        var index = Index(Doc("split", "Learning to rank", "Neural ranking"));
        Assert.Empty(index.Search("\"rank neural\"").Hits);
        Assert.Single(index.Search("\"neural ranking\"").Hits);
    }

    [Fact]
    public void Hyphenated_query_word_finds_the_hyphenated_text()
    {
        var index = Index(
            Doc("gpt4", "GPT-4 technical report"),
            Doc("apart", "GPT models with 4 heads"));
        Assert.Equal(["gpt4"], index.Search("gpt-4").Keys());
    }

    [Fact]
    public void Exclusion_removes_documents_with_the_term_or_phrase()
    {
        var index = Index(
            Doc("graph", "Graph clustering"),
            Doc("graph-tree", "Graph and tree clustering"),
            Doc("decision-tree", "Decision tree clustering"));
        Assert.Equal(["graph"], index.Search("clustering -tree").Keys());
        // Which of the two ranks first is feedback's business (the model of both favours "tree"); this is about who is left.
        Assert.Equal(["graph", "graph-tree"], index.Search("clustering -\"decision tree\"").Keys().Order());
        Assert.Equal(["graph"], index.Search("clustering NOT tree").Keys());
    }

    [Fact]
    public void Query_with_only_exclusions_or_stop_words_matches_nothing()
    {
        var index = Index(Doc("a", "Graph clustering"), Doc("b", "Tree search"));
        Assert.Equal(0, index.Search("-tree").TotalMatches);
        Assert.Equal(0, index.Search("the of").TotalMatches);
        Assert.Equal(0, index.Search("").TotalMatches);
    }

    [Fact]
    public void Required_term_must_match_and_plain_terms_only_add_score()
    {
        var index = Index(
            Doc("both", "Graph transformers"),
            Doc("required", "Transformers for vision"),
            Doc("plain", "Graph clustering"));
        var results = index.Search("graph +transformers");
        Assert.Equal(["both", "required"], results.Keys());
    }

    [Fact]
    public void And_makes_both_sides_required()
    {
        var index = Index(
            Doc("both", "Graph transformers"),
            Doc("one", "Transformers for vision"),
            Doc("other", "Graph clustering"));
        Assert.Equal(["both"], index.Search("graph AND transformers").Keys());
        Assert.Equal(3, index.Search("graph OR transformers").TotalMatches);
    }

    [Fact]
    public void Required_word_the_index_never_saw_matches_nothing()
    {
        var index = Index(Doc("a", "Graph clustering"));
        Assert.Equal(0, index.Search("graph +zyzzyva").TotalMatches);
        Assert.Equal(1, index.Search("graph zyzzyva").TotalMatches);
    }

    [Fact]
    public void Category_filter_is_exact_and_case_insensitive()
    {
        var index = Index(
            Doc("lg", "Graph learning", categories: ["cs.LG"]),
            Doc("cl", "Graph parsing", categories: ["cs.CL", "cs.AI"]),
            Doc("lgx", "Graph theory", categories: ["cs.LGX"]));
        Assert.Equal(["lg"], index.Search("graph cat:CS.lg").Keys());
        Assert.Equal(["cl", "lg"], index.Search("graph cat:cs.lg cat:cs.cl").Keys().Order().ToArray());
        Assert.Equal(["lg", "lgx"], index.Search("graph -cat:cs.ai").Keys().Order().ToArray());
        Assert.Equal(0, index.Search("graph cat:math.AG").TotalMatches);
    }

    [Fact]
    public void Year_filters_take_exact_years_ranges_and_open_ranges()
    {
        var index = Index(
            Doc("y2019", "Graph", year: 2019),
            Doc("y2021", "Graph", year: 2021),
            Doc("y2024", "Graph", year: 2024),
            Doc("none", "Graph"));
        string[] Keys(string q) => index.Search(q).Keys().Order().ToArray();
        Assert.Equal(["y2021"], Keys("graph year:2021"));
        Assert.Equal(["y2021", "y2024"], Keys("graph year:2020..2024"));
        Assert.Equal(["y2021", "y2024"], Keys("graph year:2020.."));
        Assert.Equal(["y2019"], Keys("graph year:..2020"));
        Assert.Equal(["none", "y2019", "y2024"], Keys("graph -year:2021"));
    }

    [Fact]
    public void Filter_only_query_lists_matches_newest_first_then_by_key()
    {
        var index = Index(
            Doc("b", "Parsing", categories: ["cs.CL"], year: 2021),
            Doc("a", "Tagging", categories: ["cs.CL"], year: 2021),
            Doc("c", "Translation", categories: ["cs.CL"], year: 2023),
            Doc("d", "Vision", categories: ["cs.CV"], year: 2024),
            Doc("e", "Speech", categories: ["cs.CL"]));
        var results = index.Search("cat:cs.CL");
        Assert.Equal(["c", "a", "b", "e"], results.Keys());
        Assert.All(results.Hits, h => Assert.Equal(0f, h.Score));
    }

    [Fact]
    public void Unseen_word_with_a_filter_does_not_fall_back_to_the_whole_category()
    {
        var index = Index(Doc("a", "Parsing", categories: ["cs.CL"]));
        Assert.Equal(0, index.Search("zyzzyva cat:cs.CL").TotalMatches);
    }

    [Fact]
    public void Author_field_matches_names_unstemmed_and_plain_words_search_authors_too()
    {
        var index = Index(
            Doc("hinton", "Capsules", authors: ["Geoffrey E. Hinton", "Sara Sabour"]),
            Doc("about", "Hinton's capsules revisited", authors: ["Ada Smith"]));
        Assert.Equal(["hinton"], index.Search("author:hinton").Keys());
        Assert.Equal(2, index.Search("hinton").TotalMatches);
        Assert.Empty(index.Search("author:smiths").Hits);
        Assert.Equal(["hinton"], index.Search("author:\"geoffrey e hinton\"").Keys());
        Assert.Empty(index.Search("author:\"hinton sara\"").Hits);
    }

    [Fact]
    public void Title_and_abstract_prefixes_restrict_the_field()
    {
        var index = Index(
            Doc("title", "Quantum annealing", "Optimisation."),
            Doc("abstract", "Optimisation", "Quantum annealing."));
        Assert.Equal(["title"], index.Search("title:quantum").Keys());
        Assert.Equal(["abstract"], index.Search("abs:quantum").Keys());
    }

    [Fact]
    public void Search_folds_accents_and_stems_words()
    {
        var index = Index(Doc("s", "Schrödinger equations for networks"));
        Assert.Equal(["s"], index.Search("schrodinger").Keys());
        Assert.Equal(["s"], index.Search("SCHRÖDINGER equation network").Keys());
    }

    [Fact]
    public void Total_matches_counts_every_match_beyond_the_page()
    {
        var docs = Enumerable.Range(0, 25).Select(i => Doc($"k{i:00}", $"Graph {i}")).ToArray();
        var index = Index(docs);
        var results = index.Search("graph", limit: 10);
        Assert.Equal(25, results.TotalMatches);
        Assert.Equal(10, results.Hits.Count);
        Assert.Equal(25, index.Count("graph"));
        var none = index.Search("graph", limit: 0);
        Assert.Equal(25, none.TotalMatches);
        Assert.Empty(none.Hits);
    }

    [Fact]
    public void Pages_follow_each_other_without_gaps_or_repeats()
    {
        var docs = Enumerable.Range(0, 23).Select(i => Doc($"k{i:00}", "Graph " + string.Join(' ', Enumerable.Repeat("x", i % 7)))).ToArray();
        var index = Index(docs);
        var all = index.Search("graph", limit: 100).Keys();
        var paged = Enumerable.Range(0, 5).SelectMany(p => index.Search("graph", limit: 5, offset: p * 5).Keys()).ToArray();
        Assert.Equal(23, all.Length);
        Assert.Equal(all, paged);
        Assert.Empty(index.Search("graph", limit: 5, offset: 100).Hits);
        Assert.Equal(all[..5], index.Search("graph", limit: 5, offset: -3).Keys());
    }

    [Fact]
    public void Equal_scores_keep_the_order_documents_were_added()
    {
        var index = Index(Doc("z", "Graph"), Doc("a", "Graph"), Doc("m", "Graph"));
        Assert.Equal(["z", "a", "m"], index.Search("graph").Keys());
    }

    [Fact]
    public void Adding_a_key_again_replaces_the_earlier_document()
    {
        var index = Index(
            Doc("p1", "Old title about graphs"),
            Doc("p2", "Other paper"),
            Doc("p1", "New title about trees"));
        Assert.Equal(2, index.DocumentCount);
        Assert.Empty(index.Search("graphs").Hits);
        Assert.Equal(["p1"], index.Search("trees").Keys());
    }

    [Fact]
    public void Concurrent_searches_give_the_same_results_as_sequential_ones()
    {
        var docs = Enumerable.Range(0, 200).Select(i => Doc($"k{i}", $"graph {i % 13} tree {i % 7}", $"forest {i % 5}")).ToArray();
        var index = Index(docs);
        string[] queries = ["graph", "tree forest", "+graph -tree", "\"graph 3\"", "forest cat:x", "graph 5"];
        var expected = queries.Select(q => string.Join(',', index.Search(q, 50).Keys())).ToArray();
        Parallel.For(0, 400, i =>
        {
            var q = i % queries.Length;
            Assert.Equal(expected[q], string.Join(',', index.Search(queries[q], 50).Keys()));
        });
    }

    [Fact]
    public void Huge_and_hostile_queries_return_normally()
    {
        var index = Index(Doc("a", "Graph clustering"));
        var huge = string.Concat(Enumerable.Repeat("graph \"tree -+: AND ", 600));
        Assert.True(huge.Length >= 10_000);
        Assert.Equal(["a"], index.Search(huge).Keys());
        Assert.Equal(["a"], index.Search("\u0000graph\u0007\u001b[31m").Keys());
    }
}
