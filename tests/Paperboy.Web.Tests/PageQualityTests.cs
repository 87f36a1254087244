using AngleSharp.Dom;

namespace Paperboy.Web.Tests;

/// <summary>What every page owes a reader: small, self-contained, labelled, and readable on a phone in either theme.</summary>
public sealed class PageQualityTests(BrowsingWebFactory factory) : IClassFixture<BrowsingWebFactory>
{
    public static TheoryData<string> Pages =>
    [
        "/", "/papers/weekly/2024-W10", "/papers/monthly/2024-03", "/trending", "/search", "/search?q=video&code=1",
        $"/papers/{BrowsingCorpus.A}", "/authors/Grace%20Hopper", "/categories/cs.CV", "/categories", "/status",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_is_under_100_kb_and_asks_nothing_of_another_server(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        var page = await Html.ParseAsync(System.Text.Encoding.UTF8.GetString(body));

        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        Assert.True(body.Length < 100 * 1024, $"{url} is {body.Length} bytes");
        // Only what the browser fetches by itself counts: scripts, stylesheets, images, frames. Links to arXiv are the reader's choice.
        var fetched = page.QuerySelectorAll("script[src], link[href]:not([rel=alternate]), img[src], iframe[src], source[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .ToList();
        Assert.NotEmpty(fetched);
        Assert.All(fetched, address => Assert.StartsWith("/assets/", address, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_form_field_has_a_label_and_the_page_has_one_main_heading(string url)
    {
        var page = await Html.GetAsync(factory.CreateClient(), url);

        foreach (var field in page.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            Assert.True(Labelled(page, field), $"{url}: {field.OuterHtml} has no label");
        }
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotNull(page.QuerySelector("a.skip[href='#main']"));
    }

    [Fact]
    public async Task The_stylesheet_has_dark_and_light_themes_a_phone_layout_and_visible_focus()
    {
        string css = await factory.CreateClient().GetStringAsync("/assets/site.css");

        Assert.Contains("@media (prefers-color-scheme: dark)", css, StringComparison.Ordinal);
        Assert.Contains(":root[data-theme=dark]", css, StringComparison.Ordinal);
        Assert.Contains(":root:not([data-theme=light])", css, StringComparison.Ordinal);
        Assert.Contains("@media (max-width: 36rem)", css, StringComparison.Ordinal);
        Assert.Contains(":focus-visible", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_theme_toggle_is_hidden_until_its_script_runs_and_keeps_the_choice()
    {
        var client = factory.CreateClient();
        var page = await Html.GetAsync(client, "/");
        string script = await client.GetStringAsync("/assets/theme.js");

        var toggle = page.QuerySelector("button#theme-toggle")!;
        Assert.True(toggle.HasAttribute("hidden"));
        Assert.False(string.IsNullOrEmpty(toggle.GetAttribute("aria-label")));
        Assert.Contains("localStorage.setItem(\"paperboy-theme\"", script, StringComparison.Ordinal);
    }

    private static bool Labelled(IDocument page, IElement field) =>
        field.GetAttribute("aria-label") is { Length: > 0 }
        || (field.Id is { Length: > 0 } id && page.QuerySelector($"label[for='{id}']") is not null)
        || field.Closest("label") is not null;
}
