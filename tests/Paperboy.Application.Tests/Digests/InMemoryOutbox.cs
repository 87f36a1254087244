using System.Collections.Concurrent;
using Paperboy.Application.Mail;

namespace Paperboy.Testing.Mail;

/// <summary>The outbox as a test sees it: every email kept with its dedupe key; a key queued twice is a no-op, as the real outbox promises.</summary>
public sealed class InMemoryOutbox : IEmailOutbox
{
    private readonly ConcurrentDictionary<string, OutgoingEmail> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Key, OutgoingEmail Email)> _order = new();

    public IReadOnlyList<(string Key, OutgoingEmail Email)> Queued => _order.ToList();

    public IReadOnlyList<OutgoingEmail> To(string address) =>
        _order.Where(q => q.Email.To == address).Select(q => q.Email).ToList();

    public Task<bool> EnqueueAsync(OutgoingEmail email, string dedupeKey, CancellationToken cancellationToken)
    {
        if (!_byKey.TryAdd(dedupeKey, email))
        {
            return Task.FromResult(false);
        }
        _order.Enqueue((dedupeKey, email));
        return Task.FromResult(true);
    }

    /// <summary>The first link in a text body that starts with <paramref name="prefix"/>.</summary>
    public static string Link(OutgoingEmail email, string prefix)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.TextBody.Split('\n').Select(l => l.Trim()).Select(l => l[(l.IndexOf("http", StringComparison.Ordinal) is var i and >= 0 ? i : 0)..])
            .First(l => l.StartsWith(prefix, StringComparison.Ordinal));
    }
}
