namespace Paperboy.Semantic.Tests.Transformer;

/// <summary>Paths of the embedding fixtures copied next to the test assembly (see tests/fixtures/PROVENANCE.md).</summary>
internal static class Fixtures
{
    public static string Embeddings(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "embeddings", name);

    public static string TokenizerJson => Embeddings("bert-base-uncased_tokenizer.json");

    public static string VocabTxt => Embeddings("bert-base-uncased_vocab.txt");
}
