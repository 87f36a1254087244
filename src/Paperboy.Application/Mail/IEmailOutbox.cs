namespace Paperboy.Application.Mail;

public interface IEmailOutbox { Task<bool> EnqueueAsync(OutgoingEmail email, string dedupeKey, CancellationToken cancellationToken); }
