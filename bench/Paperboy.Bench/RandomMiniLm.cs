using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Paperboy.Bench;

/// <summary>
/// A model folder shaped like all-MiniLM-L6-v2 (hidden 384, 6 layers, 12 heads, intermediate 1536,
/// vocabulary 30,522, 256 tokens) with random weights: the same arithmetic as the real model, so its
/// speed is the real model's speed. Written for the bench only; the tests have their own writer.
/// </summary>
internal static class RandomMiniLm
{
    private const int Hidden = 384;
    private const int Layers = 6;
    private const int Intermediate = 1536;
    private const int Vocabulary = 30_522;
    private const int Positions = 512;

    public static void Write(string folder, int seed)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["hidden_size"] = Hidden,
            ["num_hidden_layers"] = Layers,
            ["num_attention_heads"] = 12,
            ["intermediate_size"] = Intermediate,
            ["hidden_act"] = "gelu",
            ["layer_norm_eps"] = 1e-12,
            ["max_position_embeddings"] = Positions,
            ["type_vocab_size"] = 2,
            ["vocab_size"] = Vocabulary,
        }));
        File.WriteAllText(Path.Combine(folder, "sentence_bert_config.json"), """{"max_seq_length": 256, "do_lower_case": false}""");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "bert-base-uncased_vocab.txt"), Path.Combine(folder, "vocab.txt"));
        WriteSafetensors(Path.Combine(folder, "model.safetensors"), Tensors(), new Random(seed));
    }

    private static List<(string Name, int[] Shape, float Scale, float Offset)> Tensors()
    {
        var tensors = new List<(string, int[], float, float)>
        {
            ("embeddings.word_embeddings.weight", [Vocabulary, Hidden], 0.1f, 0f),
            ("embeddings.position_embeddings.weight", [Positions, Hidden], 0.1f, 0f),
            ("embeddings.token_type_embeddings.weight", [2, Hidden], 0.1f, 0f),
            ("embeddings.LayerNorm.weight", [Hidden], 0.1f, 1f),
            ("embeddings.LayerNorm.bias", [Hidden], 0.1f, 0f),
        };
        for (var i = 0; i < Layers; i++)
        {
            var p = $"encoder.layer.{i}";
            foreach (var (name, outputs, inputs) in new[]
            {
                ("attention.self.query", Hidden, Hidden), ("attention.self.key", Hidden, Hidden),
                ("attention.self.value", Hidden, Hidden), ("attention.output.dense", Hidden, Hidden),
                ("intermediate.dense", Intermediate, Hidden), ("output.dense", Hidden, Intermediate),
            })
            {
                tensors.Add(($"{p}.{name}.weight", [outputs, inputs], MathF.Sqrt(3f / inputs), 0f));
                tensors.Add(($"{p}.{name}.bias", [outputs], 0.05f, 0f));
            }
            foreach (var norm in new[] { "attention.output.LayerNorm", "output.LayerNorm" })
            {
                tensors.Add(($"{p}.{norm}.weight", [Hidden], 0.1f, 1f));
                tensors.Add(($"{p}.{norm}.bias", [Hidden], 0.1f, 0f));
            }
        }
        return tensors;
    }

    private static void WriteSafetensors(string path, List<(string Name, int[] Shape, float Scale, float Offset)> tensors, Random random)
    {
        var header = new Dictionary<string, object>();
        long offset = 0;
        foreach (var (name, shape, _, _) in tensors)
        {
            var bytes = 4L * shape.Aggregate(1L, (a, b) => a * b);
            header[name] = new { dtype = "F32", shape, data_offsets = new[] { offset, offset + bytes } };
            offset += bytes;
        }
        var headerBytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        using var file = new BufferedStream(File.Create(path), 1 << 20);
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, headerBytes.Length);
        file.Write(buffer);
        file.Write(headerBytes);
        foreach (var (_, shape, scale, shift) in tensors)
        {
            var count = shape.Aggregate(1L, (a, b) => a * b);
            for (long i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(buffer, shift + (random.NextSingle() * 2 - 1) * scale);
                file.Write(buffer[..4]);
            }
        }
    }
}
