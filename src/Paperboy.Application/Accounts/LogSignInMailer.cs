using Microsoft.Extensions.Logging;

namespace Paperboy.Application.Accounts;

/// <summary>
/// Writes the sign-in link to the log instead of sending mail, for a single-user install or until an
/// SMTP sender exists: whoever reads the server's log can sign in as anyone, which is the operator.
/// </summary>
public sealed partial class LogSignInMailer(ILogger<LogSignInMailer> logger) : ISignInMailer
{
    public Task SendSignInLinkAsync(string email, Uri link, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        LinkWritten(logger, email, link);
        return Task.CompletedTask;
    }

    // The message stays exactly this: operators and tests find links by it.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in link for {Email}: {Url}")]
    private static partial void LinkWritten(ILogger logger, string email, Uri url);
}
