using Microsoft.Extensions.DependencyInjection;
using Paperboy.Core.Storage;

namespace Paperboy.Web.Tests;

/// <summary>The follow buttons of author and category pages, as a reader without JavaScript uses them.</summary>
public sealed class FollowPageTests : IAsyncLifetime
{
    private const string AuthorPage = "/authors/Ada%20Lovelace";
    private const string CategoryPage = "/categories/q-bio.TO";
    private readonly PaperboyWebFactory _factory = new();

    public async Task InitializeAsync() =>
        await _factory.Services.GetRequiredService<IPaperStore>().UpsertAsync(
            [TestPapers.Arxiv("2401.70101", "Planarian Heads Regrow")], CancellationToken.None);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(AuthorPage, "Follow author", "Following author", "Ada Lovelace")]
    [InlineData(CategoryPage, "Follow category", "Following category", "q-bio.TO")]
    public async Task Following_from_the_page_turns_the_button_and_lists_it_on_the_account_page(
        string page, string follow, string following, string label)
    {
        var ada = await Accounts.SignedInAsync(_factory, "ada@example.org");
        var before = await Html.GetAsync(ada, page);
        Assert.StartsWith(follow, before.QuerySelector("form.follow-button button")!.TextContent.Trim(), StringComparison.Ordinal);

        var posted = await Forms.SubmitAsync(ada, before, page, "form.follow-button");
        var after = await Html.GetAsync(ada, page);
        var account = await Html.GetAsync(ada, "/account");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(page, posted.Headers.Location!.OriginalString); // back to the page it was pressed on
        Assert.StartsWith(following, after.QuerySelector("form.follow-button button")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal([label], account.QuerySelectorAll(".follows .follow-label").Select(e => e.TextContent));
    }

    [Fact]
    public async Task A_reader_who_is_signed_out_sees_the_button_and_is_sent_to_sign_in_by_it()
    {
        var reader = Accounts.Browser(_factory);

        var response = await Forms.SubmitAsync(reader, AuthorPage, "form.follow-button");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?next=" + Uri.EscapeDataString(AuthorPage), response.Headers.Location!.OriginalString);
    }
}
