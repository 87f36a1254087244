using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Web.Tests;

/// <summary>Upvotes, the library and follows through the pages, as a reader without JavaScript uses them.</summary>
public sealed class LibraryPageTests : IAsyncLifetime
{
    private const string Hostile = "<script>alert('x')</script>";
    private readonly PaperboyWebFactory _factory = new();

    public async Task InitializeAsync()
    {
        await _factory.Services.GetRequiredService<IPaperStore>().UpsertAsync(
        [
            TestPapers.Arxiv("2401.70001", "Zebrafish Fins Regrow", upvotes: 5),
            TestPapers.Arxiv("2401.70002", "Axolotl Limbs Regrow"),
        ], CancellationToken.None);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_upvote_counts_once_per_account_beside_the_imported_count()
    {
        var ada = await Accounts.SignedInAsync(_factory, "ada@example.org");
        var bob = await Accounts.SignedInAsync(_factory, "bob@example.org");

        await Forms.SubmitAsync(ada, "/papers/2401.70001", ".paper-actions form[action*='Upvote']");
        // Ada's page now offers to remove her upvote: posting "upvoted=true" again by hand still counts once.
        await Forms.SubmitAsync(ada, "/papers/2401.70001", ".paper-actions form[action*='Upvote']", new Dictionary<string, string> { ["upvoted"] = "true" });
        await Forms.SubmitAsync(bob, "/papers/2401.70001", ".paper-actions form[action*='Upvote']");
        var adaPage = await Html.GetAsync(ada, "/papers/2401.70001");

        Assert.Equal("7 (5 on Hugging Face, 2 here)", adaPage.QuerySelector(".upvote-count")!.TextContent);
        Assert.Equal("true", adaPage.QuerySelector(".paper-actions button[aria-pressed]")!.GetAttribute("aria-pressed"));

        await Forms.SubmitAsync(ada, "/papers/2401.70001", ".paper-actions form[action*='Upvote']");
        var afterRemoval = await Html.GetAsync(ada, "/papers/2401.70001");
        Assert.Equal("6 (5 on Hugging Face, 1 here)", afterRemoval.QuerySelector(".upvote-count")!.TextContent);
    }

    [Fact]
    public async Task A_signed_out_reader_who_upvotes_is_sent_to_sign_in_and_nothing_is_counted()
    {
        var anonymous = Accounts.Browser(_factory);

        var response = await Forms.SubmitAsync(anonymous, "/papers/2401.70001", ".paper-actions form[action*='Upvote']");
        var page = await Html.GetAsync(anonymous, "/papers/2401.70001");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?next=%2Fpapers%2F2401.70001", response.Headers.Location!.OriginalString);
        Assert.Equal("5", page.QuerySelector(".upvote-count")!.TextContent);
    }

    [Fact]
    public async Task An_upvote_posted_without_an_antiforgery_token_is_refused()
    {
        var ada = await Accounts.SignedInAsync(_factory, "ada@example.org");

        var response = await ada.PostAsync("/papers/2401.70001?handler=Upvote", new FormUrlEncodedContent(new Dictionary<string, string> { ["upvoted"] = "true" }));
        var page = await Html.GetAsync(ada, "/papers/2401.70001");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("5", page.QuerySelector(".upvote-count")!.TextContent);
    }

    [Fact]
    public async Task A_library_card_heading_holds_only_the_title_and_its_export_tick_box_names_the_paper()
    {
        var ada = await Accounts.SignedInAsync(_factory, "ada@example.org");
        await Forms.SubmitAsync(ada, "/papers/2401.70001", ".paper-actions form[action*='Save']");

        var page = await Html.GetAsync(ada, "/library");

        // A control inside the heading would put its label into the heading's accessible name.
        var heading = page.QuerySelector("#item-2401\\.70001 h2")!;
        Assert.Equal("Zebrafish Fins Regrow", heading.TextContent.Trim());
        Assert.Null(heading.QuerySelector("input"));
        var tick = page.QuerySelector("#item-2401\\.70001 input[type=checkbox][name=ids]")!;
        Assert.Equal("2401.70001", tick.GetAttribute("value"));
        Assert.Equal("Select “Zebrafish Fins Regrow” for export", tick.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_saved_paper_is_tagged_noted_filtered_and_exported()
    {
        var ada = await Accounts.SignedInAsync(_factory, "ada@example.org");
        await Forms.SubmitAsync(ada, "/papers/2401.70001", ".paper-actions form[action*='Save']");
        await Forms.SubmitAsync(ada, "/papers/2401.70002", ".paper-actions form[action*='Save']");

        await Forms.SubmitAsync(ada, "/library", "#item-2401\\.70001 form[action*='AddTag']", new Dictionary<string, string> { ["newTag"] = "regeneration" });
        await Forms.SubmitAsync(ada, "/library", "#item-2401\\.70001 form.note", new Dictionary<string, string> { ["note"] = "Compare with axolotls." });
        var filtered = await Html.GetAsync(ada, "/library?tag=regeneration");
        var all = await Html.GetAsync(ada, "/library");
        var bibtex = await Forms.SubmitAsync(ada, all, "/library", "form#export", new Dictionary<string, string> { ["format"] = "bibtex" });
        var json = await Forms.SubmitAsync(ada, all, "/library", "form#export", new Dictionary<string, string> { ["format"] = "json", ["ids"] = "2401.70002" });

        Assert.Equal(["Zebrafish Fins Regrow"], filtered.QuerySelectorAll(".library-item h2 a").Select(a => a.TextContent));
        Assert.Equal(["regeneration"], all.QuerySelectorAll("#item-2401\\.70001 .tags .tag").Select(t => t.TextContent));
        Assert.Equal("Compare with axolotls.", all.QuerySelector("#item-2401\\.70001 textarea")!.TextContent);
        string bib = await bibtex.Content.ReadAsStringAsync();
        Assert.Equal("application/x-bibtex", bibtex.Content.Headers.ContentType!.MediaType);
        Assert.Contains("@misc{lovelace2024zebrafish,", bib, StringComparison.Ordinal);
        Assert.Contains("@misc{lovelace2024axolotl,", bib, StringComparison.Ordinal);
        Assert.Contains("  eprint = {2401.70001},", bib, StringComparison.Ordinal);
        using var exported = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var item = Assert.Single(exported.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("Axolotl Limbs Regrow", item.GetProperty("paper").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Importing_ids_saves_known_papers_and_names_the_unknown_and_invalid_ones()
    {
        var ada = await Accounts.SignedInAsync(_factory, "ada@example.org");

        var response = await Forms.SubmitAsync(ada, "/library", "form[action*='Import']",
            new Dictionary<string, string> { ["ids"] = "arXiv:2401.70001v2\nhttps://arxiv.org/abs/2401.70002 2401.79999 nonsense" });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", page.QuerySelector(".saved-count")!.TextContent);
        Assert.Equal("2401.79999", page.QuerySelector(".unknown-ids")!.TextContent);
        Assert.Equal("nonsense", page.QuerySelector(".invalid-ids")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll(".library-item").Length);
    }

    [Fact]
    public async Task A_script_in_a_note_or_tag_shows_as_text()
    {
        var ada = await Accounts.SignedInAsync(_factory, "ada@example.org");
        await Forms.SubmitAsync(ada, "/papers/2401.70001", ".paper-actions form[action*='Save']");
        await Forms.SubmitAsync(ada, "/library", "#item-2401\\.70001 form[action*='AddTag']", new Dictionary<string, string> { ["newTag"] = Hostile });
        await Forms.SubmitAsync(ada, "/library", "#item-2401\\.70001 form.note", new Dictionary<string, string> { ["note"] = Hostile + " <img src=x onerror=alert(1)>" });

        string html = await ada.GetStringAsync("/library");
        var page = await Html.ParseAsync(html);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        // The site's own scripts are files under /assets/; nothing inline, nothing the note or tag brought.
        Assert.All(page.QuerySelectorAll("script"), script =>
        {
            Assert.StartsWith("/assets/", script.GetAttribute("src"), StringComparison.Ordinal);
            Assert.Empty(script.TextContent);
        });
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Equal(Hostile, page.QuerySelector(".tags .tag")!.TextContent);
        Assert.Equal(Hostile + " <img src=x onerror=alert(1)>", page.QuerySelector("textarea[name=note]")!.TextContent);
    }

    [Fact]
    public async Task The_follow_button_follows_and_unfollows_and_the_account_page_lists_follows()
    {
        var ada = await Accounts.SignedInAsync(_factory, "ada@example.org");
        string token = await Forms.AntiforgeryTokenAsync(ada, "/account");

        var followed = await ada.PostAsync("/follows?handler=Follow", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "author", ["key"] = "Günter  Klambauer", ["returnUrl"] = "/papers/2401.70001", ["__RequestVerificationToken"] = token,
        }));
        var account = await Html.GetAsync(ada, "/account");
        var unfollowed = await Forms.SubmitAsync(ada, account, "/account", ".follows form");
        var after = await Html.GetAsync(ada, "/account");

        Assert.Equal("/papers/2401.70001", followed.Headers.Location!.OriginalString);
        Assert.Equal(["Günter Klambauer"], account.QuerySelectorAll(".follows .follow-label").Select(l => l.TextContent));
        Assert.Equal("true", account.QuerySelector(".follows button")!.GetAttribute("aria-pressed"));
        Assert.Equal("/account", unfollowed.Headers.Location!.OriginalString);
        Assert.Empty(after.QuerySelectorAll(".follows li"));
    }
}
