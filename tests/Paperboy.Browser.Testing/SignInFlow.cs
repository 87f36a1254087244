using Microsoft.Playwright;

namespace Paperboy.Browser.Testing;

/// <summary>
/// Signing in the way a reader does: the address into /signin, the link from the mail (here the app's
/// log, where the log mailer writes it), the link opened, the confirm button pressed. Shared by the
/// browser tests and the screenshot tool; the locators are by role and label.
/// </summary>
public static class SignInFlow
{
    /// <summary>How long to wait for the app to log the link; a wait, not a speed limit.</summary>
    public static readonly TimeSpan LinkTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The sign-in page's address box.</summary>
    public static ILocator EmailBox(IPage page) => page.GetByLabel("Email address", new() { Exact = true });

    /// <summary>The sign-in page's submit button.</summary>
    public static ILocator SendLinkButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" });

    /// <summary>The button on the page a link opens, which spends the link.</summary>
    public static ILocator ConfirmButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Sign in to Paperboy" });

    /// <summary>The answer to a link request ("Check your email: ...").</summary>
    public static ILocator SentNotice(IPage page) => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <summary>
    /// Asks for a link on the page the session is on (opening /signin first when it is elsewhere),
    /// waits for the answer, and returns the link the app logged for the address.
    /// </summary>
    public static async Task<Uri> RequestLinkAsync(BrowserSession session, LiveApp app, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(app);
        var page = session.Page;
        if (!new Uri(page.Url).AbsolutePath.Equals("/signin", StringComparison.Ordinal))
        {
            await session.GotoAsync("/signin");
        }
        // An address may have asked before: the link wanted is the one this request logs.
        int earlier = app.Log.CountSignInLinks(email);
        await EmailBox(page).FillAsync(email);
        await SendLinkButton(page).ClickAsync();
        await Assertions.Expect(SentNotice(page)).ToContainTextAsync("a sign-in link is on its way");
        return await app.Log.WaitForSignInLinkAsync(email, earlier, LinkTimeout, cancellationToken);
    }

    /// <summary>Opens a link and presses the confirm button; the caller expects what should follow.</summary>
    public static async Task FollowLinkAsync(BrowserSession session, Uri link)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(link);
        await session.Page.GotoAsync(link.ToString());
        await ConfirmButton(session.Page).ClickAsync();
    }

    /// <summary>
    /// Signs the session in as <paramref name="email"/> (a new address gets a new account) and returns
    /// the link it used. Ends on the page a sign-in from /signin leads to, /account.
    /// </summary>
    public static async Task<Uri> SignInAsync(BrowserSession session, LiveApp app, string email, CancellationToken cancellationToken)
    {
        var link = await RequestLinkAsync(session, app, email, cancellationToken);
        await FollowLinkAsync(session, link);
        await Assertions.Expect(session.Page).ToHaveURLAsync(app.Url("/account").ToString());
        return link;
    }
}
