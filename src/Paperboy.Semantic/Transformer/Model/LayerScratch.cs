namespace Paperboy.Semantic.Transformer.Model;

/// <summary>The per-batch buffers every layer reuses, allocated once per forward pass.</summary>
internal sealed class LayerScratch(BertConfig config, int rows)
{
    public float[] Queries { get; } = new float[rows * config.HiddenSize];

    public float[] Keys { get; } = new float[rows * config.HiddenSize];

    public float[] Values { get; } = new float[rows * config.HiddenSize];

    public float[] Context { get; } = new float[rows * config.HiddenSize];

    public float[] Intermediate { get; } = new float[rows * config.IntermediateSize];
}
