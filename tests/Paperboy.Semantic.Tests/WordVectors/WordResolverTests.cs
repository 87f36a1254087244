using Paperboy.Semantic.WordVectors;

namespace Paperboy.Semantic.Tests.WordVectors;

public sealed class WordResolverTests
{
    [Theory]
    [InlineData("state-of-the-art", new[] { "state-of-the-art" })]
    [InlineData("cat-truck", new[] { "cat", "truck" })]
    [InlineData("cat's", new[] { "cat", "'s" })]
    [InlineData("kitten-dog", new[] { "kitten" })]
    [InlineData("dog", new string[0])]
    public void A_token_resolves_whole_if_known_and_else_by_its_parts(string token, string[] expected)
    {
        using var temp = new TempDirectory();
        var table = TestTables.Write(temp.File("t.pbv"), TestTables.Animals);
        Span<int> rows = stackalloc int[WordResolver.MaxParts];

        var found = WordResolver.Resolve(table, token, rows);

        Assert.Equal(expected, rows[..found].ToArray().Select(table.WordAt));
    }
}
