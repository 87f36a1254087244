using Paperboy.Application.Accounts;

namespace Paperboy.Application.Tests.Accounts;

/// <summary>Keeps the links it is asked to send.</summary>
public sealed class CapturingMailer : ISignInMailer
{
    public List<(string Email, Uri Link)> Sent { get; } = [];

    public Task SendSignInLinkAsync(string email, Uri link, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        Sent.Add((email, link));
        return Task.CompletedTask;
    }
}
