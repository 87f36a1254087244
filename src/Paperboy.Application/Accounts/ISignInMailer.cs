namespace Paperboy.Application.Accounts;

/// <summary>Delivers a sign-in link to an address. <see cref="LogSignInMailer"/> today; an SMTP sender later.</summary>
public interface ISignInMailer
{
    Task SendSignInLinkAsync(string email, Uri link, DateTimeOffset expires, CancellationToken cancellationToken);
}
