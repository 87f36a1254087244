using Paperboy.Core.Papers;

namespace Paperboy.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Searching_from_the_form_shows_ranked_results_with_the_words_highlighted()
    {
        await using var session = await fixture.OpenAsync();
        await session.GotoAsync("/search");

        await Site.SearchAsync(session.Page, "rectified flow transformers");

        var first = Site.Cards(session.Page).First;
        await Expect(Site.CardTitle(first)).ToHaveTextAsync("Scaling Rectified Flow Transformers for High-Resolution Image Synthesis");
        var marked = (await Site.Highlights(first).AllInnerTextsAsync()).Select(m => m.ToLowerInvariant()).ToHashSet();
        Assert.Superset(new HashSet<string> { "rectified", "flow", "transformers" }, marked);
        await Expect(Site.MatchSummary(session.Page)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ papers match"));
        await Expect(Site.QueryBox(session.Page)).ToHaveValueAsync("rectified flow transformers");
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task A_category_filter_in_the_query_narrows_the_results_to_that_category()
    {
        // The demo pages carry no categories, so this test brings its own papers.
        await fixture.App.AddPapersAsync(
        [
            Paper("2402.90001", "Quokka detection in camera-trap images", "cs.CV"),
            Paper("2402.90002", "Quokka counting from drone video", "cs.CV", "cs.LG"),
            Paper("2402.90003", "Quokka vocalisations as a language", "cs.CL"),
        ], CancellationToken.None);
        await using var session = await fixture.OpenAsync();
        await session.GotoAsync("/search");

        await Site.SearchAsync(session.Page, "quokka");
        await Expect(Site.Cards(session.Page)).ToHaveCountAsync(3);
        Assert.Equal(3, await Site.MatchCountAsync(session.Page));

        await Site.SearchAsync(session.Page, "quokka cat:cs.CV");
        await Expect(Site.Cards(session.Page)).ToHaveCountAsync(2);
        Assert.Equal(2, await Site.MatchCountAsync(session.Page));
        var titles = await Site.CardTitle(Site.Cards(session.Page)).AllInnerTextsAsync();
        Assert.Equal(
            ["Quokka counting from drone video", "Quokka detection in camera-trap images"],
            titles.Order(StringComparer.Ordinal));
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task Typing_a_query_shows_its_results_without_submitting_the_form()
    {
        await fixture.App.AddPapersAsync(
        [
            Paper("2402.90011", "Wombat burrow mapping with lidar", "cs.CV"),
            Paper("2402.90012", "Wombat gait from accelerometers", "cs.LG"),
        ], CancellationToken.None);
        await using var session = await fixture.OpenAsync();
        await session.GotoAsync("/search");
        // A mark on this document: a page load (the form submitted) would start a fresh one without it.
        await session.Page.EvaluateAsync("() => { window.sameDocument = true; }");

        // Typed key by key, as a reader types: the script waits for a pause, then swaps in the results.
        await Site.QueryBox(session.Page).PressSequentiallyAsync("wombat");

        await Expect(Site.Cards(session.Page)).ToHaveCountAsync(2);
        Assert.Equal(2, await Site.MatchCountAsync(session.Page));
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q=wombat(&|$)"));
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task The_category_filter_and_the_newest_order_of_the_form_narrow_and_order_the_results()
    {
        await fixture.App.AddPapersAsync(
        [
            Paper("2402.90021", "Platypus electroreception, older", "q-bio.NC") with { Published = new DateTimeOffset(2023, 5, 1, 0, 0, 0, TimeSpan.Zero) },
            Paper("2402.90022", "Platypus electroreception, newer", "q-bio.NC") with { Published = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero) },
            Paper("2402.90023", "Platypus genome assembly", "q-bio.GN"),
        ], CancellationToken.None);
        await using var session = await fixture.OpenAsync();
        await session.GotoAsync("/search?q=platypus");
        await Expect(Site.Cards(session.Page)).ToHaveCountAsync(3);

        await session.Page.GetByLabel("Category", new() { Exact = true }).FillAsync("q-bio.NC");
        await session.Page.GetByLabel("Sort", new() { Exact = true }).SelectOptionAsync("newest");
        await session.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("cat=q-bio.NC"));
        await Expect(Site.CardTitle(Site.Cards(session.Page))).ToHaveTextAsync(["Platypus electroreception, newer", "Platypus electroreception, older"]);
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task Opening_a_result_shows_the_paper_with_its_abstract()
    {
        await using var session = await fixture.OpenAsync();
        await session.GotoAsync("/search");
        await Site.SearchAsync(session.Page, "\"language-queried audio source separation\"");

        await Site.CardTitle(Site.Cards(session.Page).First).GetByRole(AriaRole.Link).ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/papers/title:"));
        await Expect(Site.Heading(session.Page)).ToHaveTextAsync("FlowSep: Language-Queried Sound Separation with Rectified Flow Matching");
        await Expect(session.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^FlowSep: "));
        var abstractSection = session.Page.GetByRole(AriaRole.Region, new() { Name = "Abstract" });
        await Expect(abstractSection).ToContainTextAsync("Language-queried audio source separation (LASS) focuses on separating sounds");
        await session.AssertCleanAsync();
    }

    private static Paper Paper(string id, string title, params string[] categories) =>
        TestPapers.Make(id, title) with { Categories = categories };
}
