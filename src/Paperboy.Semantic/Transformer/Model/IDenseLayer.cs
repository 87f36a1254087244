namespace Paperboy.Semantic.Transformer.Model;

/// <summary>A linear layer y = x·Wᵀ + b over a batch of rows, W stored [outputs, inputs] as PyTorch does.</summary>
internal interface IDenseLayer
{
    int Inputs { get; }

    int Outputs { get; }

    /// <summary><paramref name="input"/> holds rows × Inputs floats; <paramref name="output"/> gets rows × Outputs.</summary>
    void Apply(float[] input, float[] output, int rows, ParallelOptions parallel);
}
