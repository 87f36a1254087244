using Paperboy.Application.Follows;
using Paperboy.Core.Accounts;

namespace Paperboy.Application.Tests.Accounts;

public sealed class FollowKeysTests
{
    [Theory]
    [InlineData("Günter  Klambauer", "günter klambauer", "gunter klambauer")]
    [InlineData(" Yann LeCun ", "yann lecun", "yann lecun")]
    public void Author_names_written_two_ways_give_one_key(string a, string b, string key)
    {
        Assert.True(FollowKeys.TryNormalize(FollowKind.Author, a, out string keyA, out string labelA, out _));
        Assert.True(FollowKeys.TryNormalize(FollowKind.Author, b, out string keyB, out _, out _));

        Assert.Equal(key, keyA);
        Assert.Equal(key, keyB);
        Assert.Equal(string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries)), labelA);
    }

    [Theory]
    [InlineData("cs.LG", true)]
    [InlineData("hep-th", true)]
    [InlineData("cond-mat.str-el", true)]
    [InlineData("CS.LG", false)]
    [InlineData("cs.LG; DROP", false)]
    [InlineData("", false)]
    public void Categories_must_be_arxiv_categories(string category, bool valid)
    {
        bool ok = FollowKeys.TryNormalize(FollowKind.Category, category, out string key, out _, out string error);

        Assert.Equal(valid, ok);
        Assert.Equal(valid ? category : "", key);
        Assert.Equal(valid, error.Length == 0);
    }
}
