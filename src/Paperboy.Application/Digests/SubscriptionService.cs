using Paperboy.Application.Accounts;
using Paperboy.Application.Mail;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Digests;

/// <summary>What became of a subscribe request. Whether the address was known never shows.</summary>
public enum SubscribeOutcome
{
    /// <summary>An email went to the address: a confirmation link, or, when already subscribed, its preferences link.</summary>
    Sent,
    Invalid,
    RateLimited,
}

public sealed record SubscribeResult(SubscribeOutcome Outcome, string? Error = null);

/// <summary>
/// Subscribing with double opt-in, confirming, preferences and unsubscribing (docs/DIGESTS.md). A new
/// or unconfirmed address gets a confirmation link; an address already confirmed gets its preferences
/// link instead and nothing changes, so no one can alter another's subscription, and the answer is the
/// same either way. Links are signed (<see cref="SubscriptionLinks"/>); no password is involved.
/// </summary>
public sealed class SubscriptionService(
    ISubscriptionStore store, SubscriptionLinks links, SignInThrottle throttle, IEmailOutbox outbox, DigestOptions options, TimeProvider time)
{
    /// <param name="client">Who asks (an IP address, or "cli"), for the per-client rate limit.</param>
    /// <param name="accountId">The signed-in account, linked when its address is the one subscribed.</param>
    /// <param name="accountEmail">That account's address.</param>
    public async Task<SubscribeResult> SubscribeAsync(SubscriptionRequest request, string client, Uri siteRoot, long? accountId, string? accountEmail,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(siteRoot);
        if (!request.TryValidate(options, out string email, out var settings, out string error))
        {
            return new SubscribeResult(SubscribeOutcome.Invalid, error);
        }
        if (!throttle.TryAcquire(options.SubscribeRateWindow,
                ($"subscribe-address:{email}", options.SubscribeRequestsPerAddress), ($"subscribe-client:{client}", options.SubscribeRequestsPerClient)))
        {
            return new SubscribeResult(SubscribeOutcome.RateLimited);
        }
        long? linked = accountId is not null && string.Equals(accountEmail, email, StringComparison.Ordinal) ? accountId : null;
        if (!linked.HasValue)
        {
            settings = settings with { Follows = false };
        }
        var now = time.GetUtcNow();
        string confirmSalt = SubscriptionLinks.NewSalt();
        var subscriber = await store.AddSubscriberAsync(email, linked, settings, SubscriptionLinks.NewSalt(), confirmSalt, now, cancellationToken);
        if (subscriber is null)
        {
            var known = await store.FindSubscriberAsync(email, cancellationToken)
                ?? throw new InvalidOperationException($"subscriptions: {email} was neither added nor found");
            if (known.Confirmed is not null)
            {
                var preferences = SiteLinks.WithToken(siteRoot, SiteLinks.PreferencesPath, await links.TokenAsync(known, SubscriptionLinkPurpose.Manage, cancellationToken));
                await outbox.EnqueueAsync(SubscriptionEmails.AlreadySubscribed(email, preferences), $"subscription-known:{known.Id}:{SubscriptionLinks.NewSalt()}", cancellationToken);
                return new SubscribeResult(SubscribeOutcome.Sent);
            }
            // Not confirmed yet: the newest request decides what the subscription holds, and revokes the previous link.
            await store.UpdateSettingsAsync(known.Id, settings, cancellationToken);
            await store.SetConfirmSaltAsync(known.Id, confirmSalt, cancellationToken);
            subscriber = known with { Settings = settings, ConfirmSalt = confirmSalt };
        }
        var confirm = SiteLinks.WithToken(siteRoot, SiteLinks.ConfirmPath, await links.TokenAsync(subscriber, SubscriptionLinkPurpose.Confirm, cancellationToken));
        await outbox.EnqueueAsync(SubscriptionEmails.Confirmation(email, settings, confirm), $"subscription-confirm:{subscriber.Id}:{confirmSalt}", cancellationToken);
        return new SubscribeResult(SubscribeOutcome.Sent);
    }

    /// <summary>Confirms the subscription a confirmation link names; null when the link is not (or no longer) valid.</summary>
    public async Task<Subscriber?> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await FindAsync(token, SubscriptionLinkPurpose.Confirm, cancellationToken);
        if (subscriber is null || !await store.ConfirmSubscriberAsync(subscriber.Id, time.GetUtcNow(), cancellationToken))
        {
            return null;
        }
        return await store.GetSubscriberAsync(subscriber.Id, cancellationToken);
    }

    /// <summary>The subscriber a preferences or unsubscribe link names; null when the link is not valid.</summary>
    public Task<Subscriber?> FindByManageTokenAsync(string? token, CancellationToken cancellationToken) =>
        FindAsync(token, SubscriptionLinkPurpose.Manage, cancellationToken);

    /// <summary>The token of the subscriber's preferences and unsubscribe links.</summary>
    public Task<string> ManageTokenAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        links.TokenAsync(subscriber, SubscriptionLinkPurpose.Manage, cancellationToken);

    /// <summary>Saves new preferences; null with an error when the input is wrong, or when the link is not valid.</summary>
    public async Task<(Subscriber? Subscriber, string? Error)> UpdateAsync(string? token, SubscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subscriber = await FindByManageTokenAsync(token, cancellationToken);
        if (subscriber is null)
        {
            return (null, "This link is not valid.");
        }
        if (!request.TryValidateSettings(options, out var settings, out string error))
        {
            return (subscriber, error);
        }
        if (subscriber.AccountId is null)
        {
            settings = settings with { Follows = false };
        }
        await store.UpdateSettingsAsync(subscriber.Id, settings, cancellationToken);
        return (subscriber with { Settings = settings }, null);
    }

    /// <summary>Deletes the subscription and everything kept about it. False when the link is not valid (or already used).</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await FindByManageTokenAsync(token, cancellationToken);
        return subscriber is not null && await store.DeleteSubscriberAsync(subscriber.Id, cancellationToken);
    }

    private async Task<Subscriber?> FindAsync(string? token, SubscriptionLinkPurpose purpose, CancellationToken cancellationToken)
    {
        if (!SubscriptionLinks.TryReadId(token, out long id) || await store.GetSubscriberAsync(id, cancellationToken) is not { } subscriber)
        {
            return null;
        }
        return await links.VerifyAsync(subscriber, purpose, token, cancellationToken) ? subscriber : null;
    }
}
