using System.Net;
using System.Text.Json;

namespace Paperboy.Web.Tests;

public sealed class ApiTests(PaperboyWebFactory factory) : IClassFixture<PaperboyWebFactory>
{
    [Fact]
    public async Task Search_api_returns_ranked_hits_with_highlight_parts()
    {
        var json = await GetJsonAsync("/api/search?q=link+prediction+common+neighbor&limit=3");

        var hits = json.GetProperty("hits");
        Assert.Equal(3, hits.GetArrayLength());
        Assert.True(json.GetProperty("total").GetInt32() >= 3);
        Assert.Equal("Neural Common Neighbor with Completion for Link Prediction", hits[0].GetProperty("title").GetString());
        var matched = hits[0].GetProperty("title_highlight").EnumerateArray()
            .Where(p => p.GetProperty("match").GetBoolean())
            .Select(p => p.GetProperty("text").GetString()!.ToLowerInvariant())
            .ToList();
        Assert.Contains("link", matched);
        Assert.Contains("prediction", matched);
        Assert.True(hits[0].GetProperty("score").GetSingle() >= hits[1].GetProperty("score").GetSingle());
    }

    [Fact]
    public async Task Search_api_pages_with_offset()
    {
        var first = await GetJsonAsync("/api/search?q=diffusion&limit=2");
        var second = await GetJsonAsync("/api/search?q=diffusion&limit=2&offset=1");

        Assert.Equal(first.GetProperty("hits")[1].GetProperty("id").GetString(), second.GetProperty("hits")[0].GetProperty("id").GetString());
        Assert.Equal(1, second.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task Paper_api_returns_the_paper_by_id()
    {
        var search = await GetJsonAsync("/api/search?q=%22Neural+Common+Neighbor%22&limit=1");
        string id = search.GetProperty("hits")[0].GetProperty("id").GetString()!;

        var paper = await GetJsonAsync($"/api/papers/{id}");

        Assert.Equal(id, paper.GetProperty("id").GetString());
        Assert.Equal("Neural Common Neighbor with Completion for Link Prediction", paper.GetProperty("title").GetString());
        Assert.StartsWith("Despite its outstanding performance", paper.GetProperty("abstract").GetString(), StringComparison.Ordinal);
        Assert.Equal("saved-page", paper.GetProperty("sources").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_paper_is_a_404_problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/papers/2401.99999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/search?q=x&limit=0")]
    [InlineData("/api/search?q=x&limit=101")]
    [InlineData("/api/search?q=x&offset=-1")]
    [InlineData("/api/search?q=x&sort=oldest")]
    [InlineData("/api/search?q=x&facets=maybe")]
    public async Task Bad_paging_is_a_400_problem(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_query_too_long_to_be_typed_is_a_400_problem()
    {
        var response = await factory.CreateClient().GetAsync($"/api/search?q={new string('a', 1001)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("AND OR NOT")]
    [InlineData("title: author: cat:")]
    [InlineData("year:abc..")]
    [InlineData("- + \" ( ) :")]
    public async Task Garbage_queries_get_an_answer_not_an_error(string query)
    {
        var response = await factory.CreateClient().GetAsync($"/api/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
