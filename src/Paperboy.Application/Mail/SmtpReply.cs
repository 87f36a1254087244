namespace Paperboy.Application.Mail;

/// <summary>An SMTP reply (RFC 5321 section 4.2): a three-digit code and its text, lines joined.</summary>
public sealed record SmtpReply(int Code, string Text)
{
    public bool IsPositive => Code is >= 200 and < 400;

    /// <summary>4xx: try again later.</summary>
    public bool IsTransient => Code is >= 400 and < 500;

    /// <summary>5xx: do not repeat the same request.</summary>
    public bool IsPermanent => Code >= 500;

    public override string ToString() => $"{Code} {Text}";
}
