namespace Paperboy.Search.Tests.Searching;

public class DateFilterTests
{
    private static SearchDocument Paper(string key, string? date) => new(key, "Graph sampling", "", [], ["cs.LG"],
        date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).Year,
        date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    private static readonly SearchIndex Index = Docs.Index(
        Paper("jan", "2024-01-31"), Paper("feb", "2024-02-01"), Paper("mar", "2024-03-15"), Paper("old", "2019-07-04"), Paper("none", null));

    [Theory]
    [InlineData("graph date:2024-02-01", "feb")]
    [InlineData("graph date:2024-02", "feb")]
    [InlineData("graph date:2024", "jan feb mar")]
    [InlineData("graph date:2024-01-15..2024-02-20", "jan feb")]
    [InlineData("graph date:2024-02..", "feb mar")]
    [InlineData("graph date:..2024-01", "jan old")]
    [InlineData("graph date:2024-03..2024-01", "jan feb mar")]
    [InlineData("graph -date:2024-01..2024-02", "mar old none")]
    [InlineData("graph date:2019 date:2024-03", "mar old")]
    [InlineData("date:2024-02..", "mar feb")]
    [InlineData("graph date:2024-13-01", "jan feb mar old none")]
    [InlineData("graph date:yesterday", "jan feb mar old none")]
    public void Date_filters_keep_the_papers_published_in_range(string query, string expected)
    {
        var keys = Index.Search(new SearchRequest(query) { Limit = 10, Highlight = false }).Keys();
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_date_filter_reads_back_in_the_parsed_query_as_whole_days()
    {
        Assert.Equal("graph date:2024-02-01..2024-02-29", Index.Parse("graph date:2024-02").ToString());
        Assert.Equal("date:2024-03-01..", Index.Parse("date:2024-03..").ToString());
    }
}
