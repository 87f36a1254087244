using Paperboy.Search.Indexing;

namespace Paperboy.Search.Queries;

/// <summary>
/// A word or phrase of the query. <see cref="Field"/> null means title, abstract and authors.
/// A phrase is anything that analyzes to several words: quoted text, or "gpt-4".
/// </summary>
internal sealed record TextClause(Occur Occur, Field? Field, string Text, bool Quoted)
{
    public IReadOnlyList<Field> SearchedFields => Field is { } f ? [f] : Fields.All;

    public override string ToString()
    {
        var prefix = Occur switch { Occur.Must => "+", Occur.MustNot => "-", _ => "" };
        var field = Field is { } f ? Fields.Name(f) + ":" : "";
        var text = Quoted ? $"\"{Text}\"" : Text;
        return prefix + field + text;
    }
}
