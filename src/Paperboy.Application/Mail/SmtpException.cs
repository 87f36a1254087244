namespace Paperboy.Application.Mail;

/// <summary>The session could not be set up or went wrong: a refused greeting, EHLO, STARTTLS or AUTH, a malformed reply.</summary>
public sealed class SmtpException : Exception
{
    public SmtpException()
    {
    }

    public SmtpException(string message) : base(message)
    {
    }

    public SmtpException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public SmtpException(string message, SmtpReply reply) : base($"{message}: {reply}") => Reply = reply;

    public SmtpReply? Reply { get; }
}
