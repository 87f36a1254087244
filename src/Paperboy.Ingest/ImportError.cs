namespace Paperboy.Ingest;

/// <summary>A record that could not be imported, located by file and 1-based line so a user can fix it.</summary>
public sealed record ImportError(string File, long Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
