using Microsoft.Extensions.DependencyInjection;
using Paperboy.Browser.Testing;
using Paperboy.Core.Storage;

namespace Paperboy.Browser.Tests;

/// <summary>
/// The paper page's upvote button: one vote per account, shown beside the Hugging Face count; the
/// button is a toggle (pressed, it withdraws the vote). Each test has its own paper, so counts are exact.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UpvoteTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Upvoting_a_paper_adds_exactly_one_vote_and_a_reload_keeps_it()
    {
        var paper = TestPapers.Make("2405.80001", "Upvote probe: sparse mixtures of lemurs", huggingFaceUpvotes: 41);
        await fixture.App.AddPapersAsync([paper], CancellationToken.None);
        await using var session = await fixture.OpenSignedInAsync("upvoter");
        var page = session.Page;
        await session.GotoAsync($"/papers/{paper.Id}");
        await Expect(Site.UpvoteCount(page)).ToHaveTextAsync("41");
        await Expect(Site.UpvoteButton(page)).ToHaveAttributeAsync("aria-pressed", "false");

        await Site.UpvoteButton(page).ClickAsync();

        await Expect(Site.UpvoteCount(page)).ToHaveTextAsync("42 (41 on Hugging Face, 1 here)");
        await Expect(Site.UpvoteButton(page)).ToHaveTextAsync("▲ Upvoted (remove)");
        await Expect(Site.UpvoteButton(page)).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ReloadAsync();
        await Expect(Site.UpvoteCount(page)).ToHaveTextAsync("42 (41 on Hugging Face, 1 here)");
        await Expect(Site.UpvoteButton(page)).ToHaveAttributeAsync("aria-pressed", "true");
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task Upvoting_again_from_a_second_browser_adds_no_second_vote_and_the_pressed_button_withdraws_it()
    {
        var paper = TestPapers.Make("2405.80002", "Upvote probe: one vote per reader", huggingFaceUpvotes: 7);
        await fixture.App.AddPapersAsync([paper], CancellationToken.None);
        string email = BrowserFixture.NewEmail("twice");
        await using var laptop = await fixture.OpenAsync();
        await SignInFlow.SignInAsync(laptop, fixture.App, email, CancellationToken.None);
        await using var phone = await fixture.OpenAsync();
        await SignInFlow.SignInAsync(phone, fixture.App, email, CancellationToken.None);
        // Both show the unpressed button before either votes: the phone's page goes stale.
        await laptop.GotoAsync($"/papers/{paper.Id}");
        await phone.GotoAsync($"/papers/{paper.Id}");
        await Expect(Site.UpvoteButton(phone.Page)).ToHaveAttributeAsync("aria-pressed", "false");

        await Site.UpvoteButton(laptop.Page).ClickAsync();
        await Expect(Site.UpvoteCount(laptop.Page)).ToHaveTextAsync("8 (7 on Hugging Face, 1 here)");
        await Site.UpvoteButton(phone.Page).ClickAsync();

        await Expect(Site.UpvoteCount(phone.Page)).ToHaveTextAsync("8 (7 on Hugging Face, 1 here)");
        await Expect(Site.UpvoteButton(phone.Page)).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal(1, await LocalUpvotesAsync(paper.Id));

        await Site.UpvoteButton(phone.Page).ClickAsync();

        await Expect(Site.UpvoteButton(phone.Page)).ToHaveTextAsync("▲ Upvote");
        await Expect(Site.UpvoteCount(phone.Page)).ToHaveTextAsync("7");
        await laptop.Page.ReloadAsync();
        await Expect(Site.UpvoteCount(laptop.Page)).ToHaveTextAsync("7");
        Assert.Equal(0, await LocalUpvotesAsync(paper.Id));
        await laptop.AssertCleanAsync();
        await phone.AssertCleanAsync();
    }

    [Fact]
    public async Task Upvoting_while_signed_out_leads_to_sign_in_and_back_to_the_paper_without_a_vote()
    {
        var paper = TestPapers.Make("2405.80003", "Upvote probe: voting before signing in", huggingFaceUpvotes: 3);
        await fixture.App.AddPapersAsync([paper], CancellationToken.None);
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await session.GotoAsync($"/papers/{paper.Id}");

        await Site.UpvoteButton(page).ClickAsync();

        await Expect(page).ToHaveURLAsync(fixture.App.Url($"/signin?next=%2Fpapers%2F{paper.Id}").ToString());
        Assert.Equal(0, await LocalUpvotesAsync(paper.Id));
        var link = await SignInFlow.RequestLinkAsync(session, fixture.App, BrowserFixture.NewEmail("late-voter"), CancellationToken.None);
        await SignInFlow.FollowLinkAsync(session, link);
        await Expect(page).ToHaveURLAsync(fixture.App.Url($"/papers/{paper.Id}").ToString());
        await Expect(Site.NavLink(page, "Account")).ToBeVisibleAsync();
        // The vote pressed while signed out is not cast by signing in; the reader presses again.
        await Expect(Site.UpvoteCount(page)).ToHaveTextAsync("3");
        await Site.UpvoteButton(page).ClickAsync();
        await Expect(Site.UpvoteCount(page)).ToHaveTextAsync("4 (3 on Hugging Face, 1 here)");
        await session.AssertCleanAsync();
    }

    private async Task<int> LocalUpvotesAsync(string paperId) =>
        (await fixture.App.Services.GetRequiredService<IUpvoteStore>().CountLocalUpvotesAsync([paperId], CancellationToken.None))[paperId];
}
