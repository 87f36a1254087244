using Paperboy.Semantic.Embedding;

namespace Paperboy.Semantic.Tests;

public sealed class ProjectSmokeTests
{
    [Fact]
    public void Models_with_the_same_id_and_size_are_equal()
    {
        Assert.Equal(new EmbeddingModel("glove:x", 100, "a"), new EmbeddingModel("glove:x", 100, "a"));
        Assert.NotEqual(new EmbeddingModel("glove:x", 100, "a"), new EmbeddingModel("glove:y", 100, "a"));
    }
}
