using Paperboy.Application.Browsing;

namespace Paperboy.Application.Tests.Lists;

public sealed class CategoryNamesTests
{
    [Theory]
    [InlineData("cs.lg", "cs.LG")]
    [InlineData("math.ag", "math.AG")]
    [InlineData("astro-ph.co", "astro-ph.CO")]
    [InlineData("q-bio.nc", "q-bio.NC")]
    [InlineData("physics.optics", "physics.optics")]
    [InlineData("cond-mat.str-el", "cond-mat.str-el")]
    [InlineData("hep-th", "hep-th")]
    [InlineData("HEP-TH", "hep-th")]
    public void Folded_categories_read_as_arxiv_writes_them(string folded, string shown) =>
        Assert.Equal(shown, CategoryNames.Display(folded));
}
