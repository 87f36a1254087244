using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Testing;

namespace Paperboy.Web.Tests;

/// <summary>
/// Semantic search through the web app: the background service embeds the stored papers by itself
/// (word vectors from a GloVe file the test writes, geometry known), then the search page, the API,
/// the paper page, the status page and a library tag use the vectors.
/// </summary>
public sealed class SemanticSearchPageTests : IAsyncLifetime
{
    private readonly string _vectors = TopicWordVectors.Write(Path.Combine(Path.GetTempPath(), $"paperboy-topics-{Guid.NewGuid():N}.txt"));
    private readonly PaperboyWebFactory _factory;

    public SemanticSearchPageTests()
    {
        _factory = new PaperboyWebFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Paperboy:LoadDemoCorpus"] = "false",
                ["Paperboy:Semantic:WordVectorsPath"] = _vectors,
                ["Paperboy:Semantic:CheckInterval"] = "00:00:00.100",
            },
        };
    }

    public async Task InitializeAsync()
    {
        var papers = TopicWordVectors.Papers.Select(p => new Paper
        {
            Id = p.Id, ArxivId = p.Id, Title = p.Title, TitleRaw = p.Title, Abstract = p.Abstract, AbstractRaw = p.Abstract,
            Categories = [p.Category], Published = new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero),
        }).ToList();
        await _factory.Services.GetRequiredService<IPaperStore>().UpsertAsync(papers, CancellationToken.None);
        await WaitForEmbeddingAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        File.Delete(_vectors);
    }

    // The background service checks every 100 ms; bounded polling of the public status until all twelve have vectors.
    private async Task WaitForEmbeddingAsync()
    {
        var client = _factory.CreateClient();
        for (int attempt = 0; attempt < 600; attempt++)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
            var embedding = status.RootElement.GetProperty("embedding");
            if (embedding.GetProperty("done").GetInt64() == 12 && !embedding.GetProperty("running").GetBoolean())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("the background service never embedded the twelve papers");
    }

    [Fact]
    public async Task The_search_page_finds_papers_by_meaning_and_marks_them()
    {
        var client = _factory.CreateClient();

        var page = await Html.GetAsync(client, "/search?q=" + Uri.EscapeDataString(TopicWordVectors.SensorQuery));
        var keywordOnly = await Html.GetAsync(client, "/search?mode=keyword&q=" + Uri.EscapeDataString(TopicWordVectors.SensorQuery));

        Assert.Equal("hybrid", page.QuerySelector("#result-summary")!.GetAttribute("data-mode"));
        var top = page.QuerySelectorAll("#results .paper-card").Take(3).Select(c => c.GetAttribute("data-id")).Order(StringComparer.Ordinal);
        Assert.Equal(["2401.10001", "2401.10002", "2401.10003"], top);
        Assert.Equal("similar meaning", page.QuerySelector("#results .paper-card .badge.meaning")!.TextContent);
        Assert.Empty(keywordOnly.QuerySelectorAll("#results .paper-card"));
        Assert.Equal("keyword", keywordOnly.QuerySelector("option[selected]:is([value=keyword])")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_api_takes_a_mode_and_refuses_an_unknown_one()
    {
        var client = _factory.CreateClient();

        using var semantic = JsonDocument.Parse(await client.GetStringAsync("/api/search?mode=semantic&limit=3&q=" + Uri.EscapeDataString(TopicWordVectors.SensorQuery + " cat:eess.SP")));
        var unknown = await client.GetAsync("/api/search?mode=telepathy&q=x");

        Assert.Equal("semantic", semantic.RootElement.GetProperty("mode").GetString());
        var hits = semantic.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(["2401.10001", "2401.10002"], hits.Select(h => h.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(hits, h => Assert.Equal("meaning", h.GetProperty("match").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("keyword, semantic, hybrid", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paper_page_lists_its_nearest_papers_by_meaning_and_the_status_page_counts_the_vectors()
    {
        var client = _factory.CreateClient();

        var paper = await Html.GetAsync(client, "/papers/2401.10004");
        var status = await Html.GetAsync(client, "/status");

        var similar = paper.QuerySelectorAll("#similar .paper-card").Select(c => c.GetAttribute("data-id")).Take(2).Order(StringComparer.Ordinal);
        Assert.Equal(["2401.10005", "2401.10006"], similar);
        Assert.StartsWith("Closest in meaning", paper.QuerySelector("#similar-how")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("12 of 12 papers embedded with sif:", status.QuerySelector("#embedding-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_tag_suggests_papers_like_the_tagged_ones_that_are_not_saved_yet()
    {
        var ada = await Accounts.SignedInAsync(_factory, "ada@example.org");
        foreach (var id in (string[])["2401.10010", "2401.10011"])
        {
            await Forms.SubmitAsync(ada, $"/papers/{id}", ".paper-actions form[action*='Save']");
            await Forms.SubmitAsync(ada, "/library", $"#item-{id.Replace(".", "\\.", StringComparison.Ordinal)} form[action*='AddTag']", new Dictionary<string, string> { ["newTag"] = "nlp" });
        }

        var tagged = await Html.GetAsync(ada, "/library?tag=nlp");

        Assert.Equal("2401.10012", tagged.QuerySelector("#like-these .paper-card")!.GetAttribute("data-id"));
        Assert.DoesNotContain(tagged.QuerySelectorAll("#like-these .paper-card"), c => c.GetAttribute("data-id") is "2401.10010" or "2401.10011");
    }
}
