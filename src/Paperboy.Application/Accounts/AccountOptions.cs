namespace Paperboy.Application.Accounts;

/// <summary>Sign-in and session settings, bound from "Paperboy:Accounts" (docs/ACCOUNTS.md).</summary>
public sealed class AccountOptions
{
    /// <summary>How long an emailed sign-in link works (once).</summary>
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a browser stays signed in.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sign-in links one address may be sent per <see cref="SignInRateWindow"/>.</summary>
    public int SignInRequestsPerAddress { get; set; } = 5;

    /// <summary>Sign-in requests one client (IP address) may make per <see cref="SignInRateWindow"/>.</summary>
    public int SignInRequestsPerClient { get; set; } = 20;

    public TimeSpan SignInRateWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How sign-in links are delivered: "auto" mails them when Paperboy:Smtp:Host is set and writes them
    /// to the log otherwise; "log" always writes them to the log; "smtp" always mails them.
    /// </summary>
    public string Mailer { get; set; } = AutoMailer;

    public const string AutoMailer = "auto";

    public const string LogMailer = "log";

    public const string SmtpMailer = "smtp";

    public void Validate()
    {
        if (SignInLinkLifetime <= TimeSpan.Zero || SignInLinkLifetime > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException("options: Paperboy:Accounts:SignInLinkLifetime must be more than 0 and at most one day");
        }
        if (SessionLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("options: Paperboy:Accounts:SessionLifetime must be more than 0");
        }
        if (SignInRequestsPerAddress < 1 || SignInRequestsPerClient < 1 || SignInRateWindow <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("options: Paperboy:Accounts sign-in rate limits must be at least 1 per a window longer than 0");
        }
        if (!new[] { AutoMailer, LogMailer, SmtpMailer }.Contains(Mailer, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"options: Paperboy:Accounts:Mailer must be \"{AutoMailer}\", \"{LogMailer}\" or \"{SmtpMailer}\", not \"{Mailer}\"");
        }
    }
}
