using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Paperboy.Web.Tests.BrowsingCorpus;

namespace Paperboy.Web.Tests;

public sealed class BrowseApiTests(BrowsingWebFactory factory) : IClassFixture<BrowsingWebFactory>
{
    [Fact]
    public async Task Daily_api_gives_the_latest_day_with_upvotes_badges_and_neighbours()
    {
        var json = await GetJsonAsync("/api/lists/daily");

        Assert.Equal("daily", json.GetProperty("kind").GetString());
        Assert.Equal("2024-03-11", json.GetProperty("period").GetString());
        Assert.Equal("2024-03-08", json.GetProperty("previous").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("next").ValueKind);
        Assert.Equal("trending", json.GetProperty("sort").GetString());
        var papers = json.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal([A, B, F], papers.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal([50, 10, 0], papers.Select(p => p.GetProperty("upvotes").GetInt32()));
        Assert.Equal([true, false, true], papers.Select(p => p.GetProperty("is_new").GetBoolean()));
        Assert.True(papers[0].GetProperty("has_code").GetBoolean());
    }

    [Fact]
    public async Task A_period_of_the_api_pages_and_filters()
    {
        var json = await GetJsonAsync("/api/lists/monthly/2024-03?sort=upvotes&limit=2&offset=1");

        Assert.Equal(5, json.GetProperty("total").GetInt32());
        Assert.Equal([A, D], json.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("2024-03-01", json.GetProperty("first_day").GetString());
        Assert.Equal("2024-03-31", json.GetProperty("last_day").GetString());
    }

    [Fact]
    public async Task Trending_api_orders_by_the_decayed_score()
    {
        var json = await GetJsonAsync("/api/trending");

        var papers = json.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal([A, B, C, F, D], papers.Select(p => p.GetProperty("id").GetString()));
        var scores = papers.Select(p => p.GetProperty("trending").GetDouble()).ToList();
        Assert.Equal(51 / Math.Pow(14, 1.8), scores[0], 1e-9);
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Similar_api_answers_the_papers_most_like_one()
    {
        var json = await GetJsonAsync($"/api/similar/{A}?limit=2");

        Assert.Equal(A, json.GetProperty("id").GetString());
        Assert.Equal(C, json.GetProperty("papers")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Author_api_lists_names_and_one_authors_papers()
    {
        var names = await GetJsonAsync("/api/authors?q=hopper");
        var papers = await GetJsonAsync("/api/authors/Grace%20Hopper");

        Assert.Equal("Grace Hopper", names.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal(2, names.GetProperty("authors")[0].GetProperty("papers").GetInt32());
        Assert.Equal([A, C], papers.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Equal("newest", papers.GetProperty("sort").GetString());
    }

    [Fact]
    public async Task Category_api_counts_categories_and_lists_one()
    {
        var all = await GetJsonAsync("/api/categories");
        var one = await GetJsonAsync("/api/categories/cs.CL");

        Assert.Equal(["cs.CL", "cs.CV", "cs.LG", "stat.ML"], all.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.Equal([F, B], one.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/api/lists/hourly", 400, "kind must be one of daily, weekly, monthly")]
    [InlineData("/api/lists/daily/2024-02-30", 400, "is not a daily period")]
    [InlineData("/api/lists/daily?sort=random", 400, "sort must be one of trending, newest, upvotes")]
    [InlineData("/api/trending?limit=0", 400, "limit must be a whole number from 1 to 100")]
    [InlineData("/api/similar/2401.99999", 404, "no paper with id")]
    [InlineData("/api/authors/Nobody%20Atall", 404, "no papers by")]
    [InlineData("/api/categories/math.XX", 404, "no papers in category")]
    [InlineData("/api/authors", 400, "q must hold part of a name")]
    public async Task Errors_are_problem_details_that_say_what_was_wrong(string url, int status, string detail)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_mapped_api_route()
    {
        var client = factory.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {OpenApiPath(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        Assert.True(mapped.Count >= 11, $"only {mapped.Count} API routes found");
        Assert.Empty(mapped.Except(described));
        Assert.Equal("3.1.1", document.GetProperty("openapi").GetString());
    }

    // OpenAPI writes a catch-all {**id} as {id}, and a group's own route (/api/library/) without the slash.
    private static string OpenApiPath(string pattern) => pattern.Replace("{**", "{", StringComparison.Ordinal).TrimEnd('/');

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
