using System.Text.Json;
using Paperboy.Semantic.Transformer;
using Xunit.Abstractions;

namespace Paperboy.Semantic.Tests.Transformer.Model;

/// <summary>
/// The real all-MiniLM-L6-v2 against published outputs: TEI's float32 hidden states and pooled
/// vectors, and the first dimensions sentence-transformers ports publish. Needs the model, which is
/// not in the repository: point PAPERBOY_MINILM_DIR at a sentence-transformers/all-MiniLM-L6-v2 folder.
/// </summary>
public sealed class PublishedMiniLmTests(ITestOutputHelper output)
{
    private const string Variable = "PAPERBOY_MINILM_DIR";

    [Fact]
    public void Matches_published_MiniLM_outputs_when_PAPERBOY_MINILM_DIR_is_set()
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(folder))
        {
            output.WriteLine($"NOT RUN: {Variable} is not set, so nothing was compared. Set it to a sentence-transformers/all-MiniLM-L6-v2 folder (see docs/SEMANTIC.md).");
            return;
        }
        var raw = TransformerEmbedder.Load(folder, new TransformerOptions { Normalize = false });
        var normalized = TransformerEmbedder.Load(folder, new TransformerOptions());

        using var tei = JsonDocument.Parse(File.ReadAllBytes(Fixtures.Embeddings("tei_all-MiniLM-L6-v2_hidden_states_and_pooled.json")));
        foreach (var input in tei.RootElement.GetProperty("inputs").EnumerateArray())
        {
            var text = input.GetProperty("text").GetString()!;
            var tokens = raw.Tokenizer.Encode(text, raw.MaxTokens);
            Assert.Equal(input.GetProperty("input_ids").EnumerateArray().Select(i => i.GetInt32()), tokens.Ids);

            var hidden = raw.Encoder.Forward([tokens], new ParallelOptions());
            var expectedRows = input.GetProperty("last_hidden_state").EnumerateArray().Select(Floats).ToArray();
            var width = raw.Model.Dimensions;
            for (var row = 0; row < expectedRows.Length; row++)
            {
                var actualRow = hidden.AsSpan(row * width, width).ToArray();
                Assert.InRange(Cosine(expectedRows[row], actualRow), 0.999, 1.0 + 1e-6);
                Assert.True(MaxDifference(expectedRows[row], actualRow) < 2e-3, $"row {row} of '{text}' differs by {MaxDifference(expectedRows[row], actualRow)}");
            }
            var pooled = raw.Embed([text])[0];
            Assert.InRange(Cosine(Floats(input.GetProperty("mean_pooled_unnormalized")), pooled), 0.999, 1.0 + 1e-6);
            output.WriteLine($"'{text}': hidden states and mean pooling agree with TEI");
        }

        using var published = JsonDocument.Parse(File.ReadAllBytes(Fixtures.Embeddings("reference_embeddings.json")));
        var entries = published.RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("model").GetString() == "sentence-transformers/all-MiniLM-L6-v2"
                && e.GetProperty("normalized").GetBoolean())
            .ToArray();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            var text = entry.GetProperty("text").GetString()!;
            var vector = normalized.Embed([text])[0];
            var expected = Floats(entry.GetProperty("first_dims"));
            for (var i = 0; i < expected.Length; i++)
                Assert.Equal(expected[i], vector[i], 1e-3);
            output.WriteLine($"'{text}': first {expected.Length} dimensions within 1e-3");
        }
    }

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(v => v.GetSingle()).ToArray();

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }
}
