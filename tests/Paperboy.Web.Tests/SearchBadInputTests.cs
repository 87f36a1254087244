using System.Net;
using System.Text.Json;

namespace Paperboy.Web.Tests;

/// <summary>
/// Whatever a client sends to the search API gets a ranked answer or a 400 problem that says what
/// was wrong; never a 500. The page's paging is held to the same rule.
/// </summary>
public sealed class SearchBadInputTests(PaperboyWebFactory factory) : IClassFixture<PaperboyWebFactory>
{
    [Fact]
    public async Task A_ten_thousand_character_query_is_a_400_problem_naming_the_limit()
    {
        string garbage = string.Concat(Enumerable.Repeat("\"title:+-AND ", 10_000 / 13 + 1))[..10_000];

        foreach (var query in new[] { new string('a', 10_000), garbage })
        {
            var problem = await GetProblemAsync($"/api/search?q={Uri.EscapeDataString(query)}");

            Assert.Contains("at most 1000 characters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("deep%00learning")]
    [InlineData("deep%01learning%7F")]
    [InlineData("deep%E2%80%8Blearning")]
    [InlineData("deep%0D%0Alearning%09")]
    [InlineData("deep+learning%")]
    [InlineData("%F0%9F%9A%80+deep+learning")]
    [InlineData("%E2%80%8Fdeep+learning%E2%80%8E")]
    public async Task Control_and_broken_characters_around_words_still_find_them(string encodedQuery)
    {
        var json = await GetJsonAsync($"/api/search?q={encodedQuery}&limit=5");
        var plain = await GetJsonAsync("/api/search?q=deep+learning&limit=5");

        Assert.Equal(plain.GetProperty("total").GetInt32(), json.GetProperty("total").GetInt32());
        Assert.Equal(5, json.GetProperty("hits").GetArrayLength());
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("%00%01%02%1B%7F")]
    [InlineData("%E2%80%8B%E2%80%8B")]
    [InlineData("%22")]
    [InlineData("title%3Atitle%3A")]
    [InlineData("year%3A99999999999")]
    public async Task Queries_of_only_control_characters_or_syntax_match_nothing(string encodedQuery)
    {
        var json = await GetJsonAsync($"/api/search?q={encodedQuery}");

        Assert.Equal(0, json.GetProperty("total").GetInt32());
        Assert.Equal(0, json.GetProperty("hits").GetArrayLength());
    }

    // ASP.NET Core leaves a percent escape that is not UTF-8 undecoded: the client sent that text.
    [Theory]
    [InlineData("%ED%A0%80deep", "%ED%A0%80deep")]
    [InlineData("deep%FF%FE", "deep%FF%FE")]
    [InlineData("%ZZ%", "%ZZ%")]
    [InlineData("learning%E2%80", "learning%E2%80")]
    public async Task Percent_escapes_that_are_not_utf8_are_searched_as_the_text_sent(string encodedQuery, string echoed)
    {
        var json = await GetJsonAsync($"/api/search?q={encodedQuery}");

        Assert.Equal(echoed, json.GetProperty("query").GetString());
        Assert.True(json.GetProperty("hits").GetArrayLength() <= 10);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1.5", "limit")]
    [InlineData("limit=1e2", "limit")]
    [InlineData("limit=0x10", "limit")]
    [InlineData("limit=99999999999", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=%00", "limit")]
    [InlineData("limit=5&limit=6", "limit")]
    [InlineData("offset=abc", "offset")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=10001", "offset")]
    [InlineData("offset=2147483647", "offset")]
    [InlineData("offset=99999999999", "offset")]
    [InlineData("offset=%E2%80%8B1", "offset")]
    public async Task Bad_paging_values_are_a_400_problem_that_names_the_parameter(string paging, string parameter)
    {
        var problem = await GetProblemAsync($"/api/search?q=deep&{paging}");

        string detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith(parameter + " must be", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=&offset=", 10)]
    [InlineData("limit=+3&offset=+0", 3)]
    [InlineData("limit=%203%20", 3)]
    public async Task Empty_or_padded_paging_values_are_read_as_numbers_or_defaults(string paging, int hits)
    {
        var json = await GetJsonAsync($"/api/search?q=learning&{paging}");

        Assert.Equal(hits, json.GetProperty("hits").GetArrayLength());
        Assert.Equal(0, json.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task The_deepest_offset_allowed_gives_an_empty_page()
    {
        var json = await GetJsonAsync("/api/search?q=learning&offset=10000&limit=100");

        Assert.Equal(0, json.GetProperty("hits").GetArrayLength());
        Assert.Equal(10_000, json.GetProperty("offset").GetInt32());
        Assert.True(json.GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("502")]
    public async Task A_search_page_past_the_deepest_offset_is_a_400_page_not_a_500(string page)
    {
        var response = await factory.CreateClient().GetAsync($"/search?q=learning&page={page}");
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("past the last", body, StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetProblemAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
