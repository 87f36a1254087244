namespace Paperboy.Semantic.Transformer.Safetensors;

/// <summary>One tensor's header entry; offsets are relative to the start of the data section.</summary>
public sealed record SafetensorsTensor(string Name, SafetensorsDType DType, IReadOnlyList<long> Shape, long Begin, long End)
{
    public long ElementCount => Shape.Aggregate(1L, (product, dimension) => product * dimension);
}
