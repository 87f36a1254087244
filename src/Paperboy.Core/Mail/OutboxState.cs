namespace Paperboy.Core.Mail;

/// <summary>Where an outbox message is (docs/EMAIL.md): queued, then sending, then sent or failed.</summary>
public enum OutboxState
{
    /// <summary>Waiting for its next attempt time.</summary>
    Queued,

    /// <summary>Claimed by a sender that has not finished the SMTP transaction.</summary>
    Sending,

    /// <summary>The end of its data was handed to the server.</summary>
    Sent,

    /// <summary>Refused for good (a 5xx, a suppressed address) or out of attempts.</summary>
    Failed,
}
