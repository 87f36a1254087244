namespace Paperboy.Cli;

/// <summary>A command line that parsed but makes no sense; reported on stderr with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
