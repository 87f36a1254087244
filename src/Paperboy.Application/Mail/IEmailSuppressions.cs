namespace Paperboy.Application.Mail;

/// <summary>Addresses a server refused permanently (a 5xx reply): nothing more is sent to them.</summary>
public interface IEmailSuppressions
{
    Task<bool> IsSuppressedAsync(string address, CancellationToken cancellationToken);
}
