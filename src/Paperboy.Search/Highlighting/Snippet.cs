namespace Paperboy.Search;

/// <summary>
/// Text split into parts so the caller can mark matches in its own output format and escape the
/// rest; the library never produces markup.
/// </summary>
public sealed class Snippet
{
    public static Snippet Empty { get; } = new([]);

    public Snippet(IReadOnlyList<SnippetPart> parts)
    {
        Parts = parts;
    }

    public IReadOnlyList<SnippetPart> Parts { get; }

    public bool HasMatch => Parts.Any(p => p.IsMatch);

    public string Text => string.Concat(Parts.Select(p => p.Text));

    public override string ToString() => Text;
}
