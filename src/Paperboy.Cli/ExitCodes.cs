namespace Paperboy.Cli;

/// <summary>What `paperboy` exits with (docs/CLI.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some input was rejected (a malformed record, an unknown id); everything else was done.</summary>
    public const int PartlyRejected = 1;

    /// <summary>The command line itself was wrong: unknown verb or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>A source failed (retries exhausted, an error payload); what came before the failure is stored.</summary>
    public const int Failed = 3;
}
