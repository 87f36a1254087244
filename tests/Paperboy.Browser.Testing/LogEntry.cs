using Microsoft.Extensions.Logging;

namespace Paperboy.Browser.Testing;

/// <summary>One line the app logged: its category, level and formatted message.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message);
