using Paperboy.Semantic.Transformer.Safetensors;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// Finds BertModel's tensors in a safetensors file by their Hugging Face names, whatever prefix the
/// export added ("bert." from a task model, "model." from some wrappers) and whether the layer norms
/// use the old TensorFlow names (gamma, beta). Shapes are checked against config.json.
/// </summary>
internal sealed class BertWeightReader
{
    private static readonly string[] Prefixes = ["bert.", "model."];

    private readonly SafetensorsFile _file;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public BertWeightReader(SafetensorsFile file)
    {
        _file = file;
        foreach (var name in file.Tensors.Keys)
        {
            var prefix = Prefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));
            _names.TryAdd(prefix is null ? name : name[prefix.Length..], name);
        }
    }

    public float[] Read(string name, params long[] shape)
    {
        var stored = Find(name) ?? throw _file.MissingTensor(name);
        var tensor = _file.Tensors[stored];
        if (!tensor.Shape.SequenceEqual(shape))
            throw new InvalidDataException(
                $"bert: {_file.Path}: tensor '{stored}' has shape [{string.Join(", ", tensor.Shape)}], config.json implies [{string.Join(", ", shape)}]");
        return _file.ReadFloat32(stored);
    }

    /// <summary>A LayerNorm at <paramref name="path"/> ("embeddings.LayerNorm"), under either naming.</summary>
    public LayerNorm ReadLayerNorm(string path, int size, float epsilon)
    {
        var weight = Find($"{path}.weight") is null ? $"{path}.gamma" : $"{path}.weight";
        var bias = Find($"{path}.bias") is null ? $"{path}.beta" : $"{path}.bias";
        return new LayerNorm(Read(weight, size), Read(bias, size), epsilon);
    }

    public IDenseLayer ReadDense(string path, int outputs, int inputs, bool int8)
    {
        var weight = Read($"{path}.weight", outputs, inputs);
        var bias = Read($"{path}.bias", outputs);
        return int8 ? new Int8DenseLayer(weight, bias, outputs, inputs) : new DenseLayer(weight, bias, outputs, inputs);
    }

    private string? Find(string name) => _names.TryGetValue(name, out var stored) ? stored : null;
}
