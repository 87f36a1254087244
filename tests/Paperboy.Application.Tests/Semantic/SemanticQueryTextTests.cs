using Paperboy.Application.Semantic;

namespace Paperboy.Application.Tests.Semantic;

public sealed class SemanticQueryTextTests
{
    [Theory]
    [InlineData("a way to tell which sensor is lying", "a way to tell which sensor is lying")]
    [InlineData("graph networks cat:cs.LG year:2020..2024 date:2024-03", "graph networks")]
    [InlineData("title:\"protein folding\" abs:diffusion", "protein folding diffusion")]
    [InlineData("transformers -vision NOT images -\"object detection\"", "transformers")]
    [InlineData("+attention AND (memory OR recall)", "attention memory recall")]
    [InlineData("author:\"Geoffrey Hinton\" au:LeCun capsules", "capsules")]
    [InlineData("\"unbalanced quote", "unbalanced quote")]
    [InlineData("cat:cs.CL", "")]
    [InlineData("", "")]
    public void Keeps_the_words_and_drops_the_syntax(string query, string expected) =>
        Assert.Equal(expected, SemanticQueryText.From(query));
}
