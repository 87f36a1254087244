using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Core.Storage;

namespace Paperboy.Web.Tests;

/// <summary>The JSON API of libraries, upvotes and follows, authenticated by personal access tokens.</summary>
public sealed class AccountApiTests : IAsyncLifetime
{
    private readonly PaperboyWebFactory _factory = new();

    public async Task InitializeAsync() =>
        await _factory.Services.GetRequiredService<IPaperStore>().UpsertAsync(
            [TestPapers.Arxiv("2401.70001", "Zebrafish Fins Regrow", upvotes: 5), TestPapers.Arxiv("2401.70002", "Axolotl Limbs Regrow")],
            CancellationToken.None);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer pb_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("Basic YWRhOnNlY3JldA==")]
    public async Task The_library_api_without_a_valid_token_is_a_401_problem(string? authorization)
    {
        var client = _factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync("/api/library");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_does_not_open_the_api()
    {
        var browser = await Accounts.SignedInAsync(_factory, "ada@example.org");

        var response = await browser.GetAsync("/api/library");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_made_on_the_account_page_is_shown_once_and_works_until_revoked()
    {
        var browser = await Accounts.SignedInAsync(_factory, "ada@example.org");
        var created = await Forms.SubmitAsync(browser, "/account", "form[action*='CreateToken']", new Dictionary<string, string> { ["name"] = "laptop" });
        var createdPage = await Html.ParseAsync(await created.Content.ReadAsStringAsync());
        string secret = createdPage.QuerySelector("code.new-token")!.TextContent;
        var later = await browser.GetStringAsync("/account");

        var api = Api(secret);
        var before = await api.GetAsync("/api/library");
        await Forms.SubmitAsync(browser, "/account", "table.tokens form");
        var after = await api.GetAsync("/api/library");

        Assert.StartsWith("pb_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
        Assert.Contains(secret[..8], later, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task The_library_api_saves_tags_notes_exports_imports_and_removes()
    {
        var api = Api(await TokenAsync("ada@example.org"));

        var saved = await api.PostAsJsonAsync("/api/library", new { paper_id = "arXiv:2401.70001v1" });
        var tagged = await api.PostAsJsonAsync("/api/library/tags", new { paper_id = "2401.70001", tag = "fish" });
        var noted = await api.PutAsJsonAsync("/api/library/notes", new { paper_id = "2401.70001", note = "Read twice." });
        var imported = await api.PostAsJsonAsync("/api/library/import", new { text = "2401.70002, 2401.79999 banana" });
        var listed = await JsonAsync(await api.GetAsync("/api/library?tag=fish"));
        var bibtex = await api.GetAsync("/api/library/export?format=bibtex&ids=2401.70002");
        var json = await JsonAsync(await api.GetAsync("/api/library/export?format=json"));
        var removed = await api.DeleteAsync("/api/library/2401.70001");
        var removedAgain = await api.DeleteAsync("/api/library/2401.70001");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("2401.70001", (await JsonAsync(saved)).GetProperty("paper_id").GetString());
        Assert.Equal("fish", (await JsonAsync(tagged)).GetProperty("tags")[0].GetString());
        Assert.Equal("Read twice.", (await JsonAsync(noted)).GetProperty("note").GetString());
        var report = await JsonAsync(imported);
        Assert.Equal(["2401.70002"], report.GetProperty("saved").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["2401.79999"], report.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["banana"], report.GetProperty("invalid").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["2401.70001"], listed.EnumerateArray().Select(e => e.GetProperty("paper_id").GetString()));
        string bib = await bibtex.Content.ReadAsStringAsync();
        Assert.StartsWith("@misc{lovelace2024axolotl,", bib, StringComparison.Ordinal);
        Assert.DoesNotContain("zebrafish", bib, StringComparison.Ordinal);
        Assert.Equal(2, json.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
    }

    [Fact]
    public async Task The_library_api_answers_bad_input_and_unknown_papers_with_problems()
    {
        var api = Api(await TokenAsync("ada@example.org"));

        var unknown = await api.PostAsJsonAsync("/api/library", new { paper_id = "2401.79999" });
        var missingId = await api.PostAsJsonAsync("/api/library", new { });
        var notSaved = await api.PostAsJsonAsync("/api/library/tags", new { paper_id = "2401.70002", tag = "x" });
        await api.PostAsJsonAsync("/api/library", new { paper_id = "2401.70002" });
        var badTag = await api.PostAsJsonAsync("/api/library/tags", new { paper_id = "2401.70002", tag = new string('x', 51) });
        var badFormat = await api.GetAsync("/api/library/export?format=ris");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("no paper with id '2401.79999'", (await JsonAsync(unknown)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missingId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notSaved.StatusCode);
        Assert.Equal("a tag may have at most 50 characters", (await JsonAsync(badTag)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task Upvotes_through_the_api_count_once_per_account()
    {
        var ada = Api(await TokenAsync("ada@example.org"));
        var bob = Api(await TokenAsync("bob@example.org"));

        await ada.PutAsync("/api/upvotes/2401.70001", null);
        await ada.PutAsync("/api/upvotes/2401.70001", null);
        var afterBob = await JsonAsync(await bob.PutAsync("/api/upvotes/2401.70001", null));
        var afterWithdraw = await JsonAsync(await ada.DeleteAsync("/api/upvotes/2401.70001"));
        var unknown = await ada.PutAsync("/api/upvotes/2401.79999", null);

        Assert.Equal((2, 5, 7, true), (afterBob.GetProperty("local").GetInt32(), afterBob.GetProperty("imported").GetInt32(),
            afterBob.GetProperty("total").GetInt32(), afterBob.GetProperty("upvoted").GetBoolean()));
        Assert.Equal((1, false), (afterWithdraw.GetProperty("local").GetInt32(), afterWithdraw.GetProperty("upvoted").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Follows_through_the_api_are_normalized_listed_and_removed()
    {
        var api = Api(await TokenAsync("ada@example.org"));

        var author = await api.PostAsJsonAsync("/api/follows", new { kind = "author", key = "Günter Klambauer" });
        await api.PostAsJsonAsync("/api/follows", new { kind = "category", key = "cs.LG" });
        var badCategory = await api.PostAsJsonAsync("/api/follows", new { kind = "category", key = "not a category" });
        var listed = await JsonAsync(await api.GetAsync("/api/follows"));
        var unfollowed = await api.DeleteAsync("/api/follows?kind=author&key=gunter%20klambauer");

        Assert.Equal("gunter klambauer", (await JsonAsync(author)).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Equal(["author:Günter Klambauer", "category:cs.LG"],
            listed.EnumerateArray().Select(f => $"{f.GetProperty("kind").GetString()}:{f.GetProperty("label").GetString()}"));
        Assert.Equal(HttpStatusCode.NoContent, unfollowed.StatusCode);
    }

    private HttpClient Api(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> TokenAsync(string email)
    {
        var browser = await Accounts.SignedInAsync(_factory, email);
        var created = await Forms.SubmitAsync(browser, "/account", "form[action*='CreateToken']", new Dictionary<string, string> { ["name"] = "tests" });
        return (await Html.ParseAsync(await created.Content.ReadAsStringAsync())).QuerySelector("code.new-token")!.TextContent;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
