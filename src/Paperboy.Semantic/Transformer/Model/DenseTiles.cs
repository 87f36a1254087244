namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// Cuts a batched matrix product into tiles of (a few token rows) × (a few weight rows), so both sit in
/// cache while every pair is multiplied, and so even one short text spreads over all cores.
/// </summary>
internal static class DenseTiles
{
    public const int TokenRows = 16;
    public const int WeightRows = 64;

    public static void ForEach(int rows, int outputs, ParallelOptions parallel, Action<int, int, int, int> tile)
    {
        var tokenTiles = (rows + TokenRows - 1) / TokenRows;
        var weightTiles = (outputs + WeightRows - 1) / WeightRows;
        Parallel.For(0, tokenTiles * weightTiles, parallel, index =>
        {
            // Weight tiles vary fastest: neighbouring tasks share token rows, which are the larger block.
            var tokenStart = index / weightTiles * TokenRows;
            var weightStart = index % weightTiles * WeightRows;
            tile(tokenStart, Math.Min(rows, tokenStart + TokenRows), weightStart, Math.Min(outputs, weightStart + WeightRows));
        });
    }
}
