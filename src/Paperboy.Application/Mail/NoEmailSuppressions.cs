namespace Paperboy.Application.Mail;

/// <summary>Suppresses no address: the default until the delivery side records permanent failures.</summary>
public sealed class NoEmailSuppressions : IEmailSuppressions
{
    public Task<bool> IsSuppressedAsync(string address, CancellationToken cancellationToken) => Task.FromResult(false);
}
