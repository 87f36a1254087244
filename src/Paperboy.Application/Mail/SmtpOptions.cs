using Paperboy.Application.Accounts;

namespace Paperboy.Application.Mail;

/// <summary>
/// The SMTP server mail goes through, bound from "Paperboy:Smtp" (so Paperboy__Smtp__Host and so on in
/// the environment). Without a <see cref="Host"/>, mail stays queued and sign-in links go to the log.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>587 is the submission port (RFC 6409); 25 for a relay.</summary>
    public int Port { get; set; } = 587;

    public StartTlsMode StartTls { get; set; } = StartTlsMode.Auto;

    /// <summary>Sent with AUTH PLAIN or LOGIN, and only over TLS.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The envelope sender and From address.</summary>
    public string From { get; set; } = "";

    /// <summary>The From display name.</summary>
    public string FromName { get; set; } = "Paperboy";

    /// <summary>The name this client gives in EHLO.</summary>
    public string HeloName { get; set; } = "localhost";

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a reply may take; RFC 5321 section 4.5.3.2 suggests minutes, 10 after the end of DATA.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts per message before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles with each further one, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often the server's background sender looks for due mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claimed message is this node's to send on a PostgreSQL store; a message still sending
    /// after it was claimed by a node that died, and another node takes it over. Longer than sending one
    /// message can take (a few command timeouts); ignored on SQLite, where one sender works the outbox.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public void Validate()
    {
        if (!Configured)
        {
            return;
        }
        if (Host!.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new InvalidOperationException($"options: Paperboy:Smtp:Host is not a host name: \"{Host}\"");
        }
        if (Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"options: Paperboy:Smtp:Port must be 1 to 65535, not {Port}");
        }
        if (!EmailAddresses.TryNormalize(From, out _))
        {
            throw new InvalidOperationException($"options: Paperboy:Smtp:From must be an email address, not \"{From}\"");
        }
        if (FromName.Any(char.IsControl) || HeloName.Length == 0 || HeloName.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new InvalidOperationException("options: Paperboy:Smtp:FromName and HeloName must not hold control characters");
        }
        if (!string.IsNullOrEmpty(Username) && StartTls == StartTlsMode.Never)
        {
            throw new InvalidOperationException("options: Paperboy:Smtp:Username is set with StartTls Never: credentials are only sent over TLS");
        }
        if (ConnectTimeout <= TimeSpan.Zero || CommandTimeout <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || ClaimLease <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("options: Paperboy:Smtp timeouts, PollInterval and ClaimLease must be more than 0");
        }
        if (MaxAttempts < 1 || RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            throw new InvalidOperationException("options: Paperboy:Smtp:MaxAttempts must be at least 1 and RetryBaseDelay more than 0 and at most RetryMaxDelay");
        }
    }
}
