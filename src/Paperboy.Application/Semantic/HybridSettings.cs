namespace Paperboy.Application.Semantic;

/// <summary>
/// How keyword and semantic rankings are fused: each paper scores the sum over the lists it is in of
/// weight / (<see cref="K"/> + rank). The defaults were chosen by measurement (docs/SEMANTIC.md).
/// </summary>
public sealed record HybridSettings
{
    /// <summary>Reciprocal rank fusion's k: larger flattens the difference between the first ranks.</summary>
    public double K { get; set; } = 60;

    /// <summary>The semantic list's weight; the keyword list weighs 1.</summary>
    public double SemanticWeight { get; set; } = 1;

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
