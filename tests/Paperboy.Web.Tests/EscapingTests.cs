using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Web.Tests;

/// <summary>Titles and abstracts come from outside: markup in them must show as text everywhere.</summary>
public sealed class EscapingTests : IAsyncLifetime
{
    private const string HostileTitle = "<script>alert('pwned')</script> Zebrafish <b>bold</b> & friends";
    private readonly PaperboyWebFactory _factory = new();

    public async Task InitializeAsync()
    {
        var store = _factory.Services.GetRequiredService<IPaperStore>();
        await store.UpsertAsync([new Paper
        {
            Id = "2401.66666",
            ArxivId = "2401.66666",
            Title = HostileTitle,
            TitleRaw = HostileTitle,
            Abstract = "Zebrafish <img src=x onerror=alert(1)> regenerate fins.",
            AbstractRaw = "Zebrafish <img src=x onerror=alert(1)> regenerate fins.",
            Authors = ["<i>Mallory</i>"],
        }], CancellationToken.None);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/search?q=zebrafish")]
    [InlineData("/papers/2401.66666")]
    [InlineData("/")]
    public async Task A_title_holding_a_script_tag_shows_as_text(string url)
    {
        var response = await _factory.CreateClient().GetAsync(url);
        string html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(html);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(page.QuerySelectorAll("main b, main i"));
        Assert.Contains(page.QuerySelectorAll("h1, h2"), h => h.TextContent.Trim() == HostileTitle);
    }

    [Fact]
    public async Task The_search_query_is_escaped_where_the_page_repeats_it()
    {
        string query = "\"><script>alert(2)</script>";
        string html = await _factory.CreateClient().GetStringAsync($"/search?q={Uri.EscapeDataString(query)}");
        var page = await Html.ParseAsync(html);

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal(query, page.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Json_keeps_the_title_as_data_with_markup_characters_escaped()
    {
        string body = await _factory.CreateClient().GetStringAsync("/api/papers/2401.66666");

        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Equal(HostileTitle, JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }
}
