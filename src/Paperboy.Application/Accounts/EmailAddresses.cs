using System.Net.Mail;

namespace Paperboy.Application.Accounts;

/// <summary>The one form an address is stored and compared in: trimmed, lower case, a bare address.</summary>
public static class EmailAddresses
{
    /// <summary>RFC 5321 limits a forward path to 256 octets, so an address to 254 characters.</summary>
    public const int MaxLength = 254;

    public static bool TryNormalize(string? input, out string email)
    {
        email = "";
        string trimmed = (input ?? "").Trim();
        // MailAddress also accepts "Name <a@b>" and comments; only a bare address is an address here.
        if (trimmed.Length is 0 or > MaxLength || trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }
        email = trimmed.ToLowerInvariant();
        return true;
    }
}
