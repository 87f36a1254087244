namespace Paperboy.Application.Mail;

/// <summary>When the SMTP client upgrades the connection with STARTTLS (RFC 3207).</summary>
public enum StartTlsMode
{
    /// <summary>When the server offers it.</summary>
    Auto,

    /// <summary>Always; a server that does not offer it is not sent to.</summary>
    Always,

    /// <summary>Never: plain text, for a relay on the same machine.</summary>
    Never,
}
