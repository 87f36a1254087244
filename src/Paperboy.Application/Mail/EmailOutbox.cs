using System.Security.Cryptography;
using System.Text;
using Paperboy.Application.Accounts;
using Paperboy.Core.Mail;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Mail;

/// <summary>
/// Queues rendered messages in the store's outbox, once per dedupe key, and wakes the sender. Each
/// message gets its Message-ID here, derived from the dedupe key, so every attempt carries the same one.
/// </summary>
public sealed class EmailOutbox(IOutboxStore store, PaperboyOptions options, OutboxSignal signal, TimeProvider time) : IEmailOutbox, IEmailSuppressions
{
    public const int MaxDedupeKeyLength = 200;

    public async Task<bool> EnqueueAsync(OutgoingEmail email, string dedupeKey, CancellationToken cancellationToken)
    {
        var checkedEmail = MailHeaders.Check(email);
        if (string.IsNullOrWhiteSpace(dedupeKey) || dedupeKey.Length > MaxDedupeKeyLength)
        {
            throw new ArgumentException($"mail: a dedupe key is 1 to {MaxDedupeKeyLength} characters", nameof(dedupeKey));
        }
        var message = new NewOutboxMessage(
            dedupeKey,
            checkedEmail.To,
            checkedEmail.Subject,
            checkedEmail.TextBody,
            checkedEmail.HtmlBody,
            new Dictionary<string, string>(checkedEmail.Headers, StringComparer.Ordinal),
            MessageIdFor(dedupeKey));
        bool queued = await store.EnqueueAsync(message, time.GetUtcNow(), cancellationToken);
        if (queued)
        {
            signal.Notify();
        }
        return queued;
    }

    public Task<bool> IsSuppressedAsync(string address, CancellationToken cancellationToken) =>
        EmailAddresses.TryNormalize(address, out string normalized)
            ? store.IsSuppressedAsync(normalized, cancellationToken)
            : Task.FromResult(false);

    /// <summary>RFC 5322 section 3.6.4: unique to this message, stable across attempts, under a domain of ours.</summary>
    private string MessageIdFor(string dedupeKey)
    {
        string local = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey)))[..32];
        return $"<{local}@{Domain()}>";
    }

    private string Domain()
    {
        if (EmailAddresses.TryNormalize(options.Smtp.From, out string from))
        {
            return from[(from.LastIndexOf('@') + 1)..];
        }
        return Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) ? url.IdnHost : "paperboy.invalid";
    }
}
