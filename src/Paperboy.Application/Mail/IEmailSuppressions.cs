namespace Paperboy.Application.Mail;

public interface IEmailSuppressions { Task<bool> IsSuppressedAsync(string address, CancellationToken cancellationToken); }
