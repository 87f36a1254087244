using Paperboy.Application.Semantic;

namespace Paperboy.Application.Tests.Semantic;

public sealed class RankFusionTests
{
    [Fact]
    public void A_paper_in_both_lists_beats_one_at_the_top_of_only_one()
    {
        var fused = RankFusion.Fuse(["a", "b", "c"], ["c", "d", "a"], new HybridSettings { K = 60, SemanticWeight = 1 });

        Assert.Equal(["a", "c", "b", "d"], fused.Select(f => f.Key));
        Assert.Equal(1 / 61.0 + 1 / 63.0, fused[0].Score, 12);
        Assert.Equal((1, 3), (fused[0].KeywordRank, fused[0].SemanticRank));
        Assert.Equal((null, 2), (fused[3].KeywordRank, fused[3].SemanticRank));
    }

    [Fact]
    public void The_semantic_weight_tilts_the_fusion()
    {
        var keywordHeavy = RankFusion.Fuse(["k"], ["s"], new HybridSettings { SemanticWeight = 0.5 });
        var semanticHeavy = RankFusion.Fuse(["k"], ["s"], new HybridSettings { SemanticWeight = 2 });
        var keywordOnly = RankFusion.Fuse(["k", "x"], ["s"], new HybridSettings { SemanticWeight = 0 });

        Assert.Equal(["k", "s"], keywordHeavy.Select(f => f.Key));
        Assert.Equal(["s", "k"], semanticHeavy.Select(f => f.Key));
        Assert.Equal(["k", "x", "s"], keywordOnly.Select(f => f.Key));
    }

    [Fact]
    public void Mirrored_ranks_tie_and_go_to_the_keyword_order_and_duplicates_count_once()
    {
        var fused = RankFusion.Fuse(["a", "b", "a"], ["b", "a", "b"], new HybridSettings { SemanticWeight = 1 });

        Assert.Equal(["a", "b"], fused.Select(f => f.Key));
        Assert.Equal(fused[0].Score, fused[1].Score, 12);
    }

    [Fact]
    public void By_default_the_semantic_list_moves_keyword_hits_a_few_places_and_adds_its_own_after_them()
    {
        // Defaults: k = 60, semantic weight 0.1 (docs/SEMANTIC.md, "Ranking quality").
        string[] keyword = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
        var fused = RankFusion.Fuse(keyword, ["l", "z"], new HybridSettings());

        // l: 1/72 + 0.1/61 lands between d (1/64) and e (1/65); z, in the semantic list only, scores 0.1/62.
        Assert.Equal(["a", "b", "c", "d", "l", "e", "f", "g", "h", "i", "j", "k", "z"], fused.Select(f => f.Key));
        Assert.Equal(1 / 72.0 + 0.1 / 61.0, fused[4].Score, 12);
    }
}
