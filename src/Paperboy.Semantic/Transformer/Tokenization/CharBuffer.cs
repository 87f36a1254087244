using System.Text;

namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>A growable char array reused across calls on one thread, so normalizing a text allocates nothing.</summary>
internal sealed class CharBuffer
{
    private char[] _chars = new char[1024];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(char c)
    {
        if (Length == _chars.Length)
            Array.Resize(ref _chars, _chars.Length * 2);
        _chars[Length++] = c;
    }

    public void Append(Rune rune)
    {
        if (rune.IsBmp)
        {
            Append((char)rune.Value);
            return;
        }
        if (Length + 2 > _chars.Length)
            Array.Resize(ref _chars, _chars.Length * 2);
        Length += rune.EncodeToUtf16(_chars.AsSpan(Length));
    }

    /// <summary>Room for at least <paramref name="count"/> more chars, so an ASCII loop can skip the check.</summary>
    public void EnsureRoom(int count)
    {
        if (Length + count > _chars.Length)
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + count));
    }

    public void AppendUnchecked(char c) => _chars[Length++] = c;
}
