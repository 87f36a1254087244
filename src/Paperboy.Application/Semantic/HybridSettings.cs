namespace Paperboy.Application.Semantic;

/// <summary>
/// How keyword and semantic rankings are fused: each paper scores the sum over the lists it is in of
/// weight / (<see cref="K"/> + rank). The defaults were chosen by measurement on the dev set and checked
/// on Cranfield (docs/SEMANTIC.md, "Ranking quality"): the word-vector semantic ranking is much weaker than BM25, so
/// at equal weight it pulled keyword hits down (dev MRR@10 0.908 to 0.66); at a tenth of the keyword
/// list's weight it only reorders near-ties and lifts papers the keywords missed.
/// </summary>
public sealed record HybridSettings
{
    /// <summary>Reciprocal rank fusion's k: larger flattens the difference between the first ranks. 60 is the paper's value; 10 to 60 measured alike.</summary>
    public double K { get; set; } = 60;

    /// <summary>The semantic list's weight; the keyword list weighs 1. 0.1 to 0.15 measured best; 0.3 and up lose to keywords alone.</summary>
    public double SemanticWeight { get; set; } = 0.1;

    /// <summary>How deep each list is read before fusing.</summary>
    public int Depth { get; set; } = 100;

    public void Validate()
    {
        if (!(K >= 0 && K <= 10_000) || !(SemanticWeight >= 0 && SemanticWeight <= 100) || Depth is < 1 or > 10_000)
        {
            throw new InvalidOperationException($"options: Paperboy:Semantic:Hybrid needs K in [0, 10000], SemanticWeight in [0, 100] and Depth in [1, 10000], not K={K}, SemanticWeight={SemanticWeight}, Depth={Depth}");
        }
    }
}
