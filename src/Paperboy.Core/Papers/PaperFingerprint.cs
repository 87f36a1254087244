using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Core.Papers;

/// <summary>
/// A hash of everything a source can say about a paper (not the local first-seen date), so a store
/// can tell "the same paper again" from "a changed paper" without comparing field by field.
/// The hash is XXH128 over the UTF-8 of the fields, each ended by U+001F, list items joined by U+001E,
/// as 32 hex digits. Stores written before it hold SHA-256 hashes of the same bytes (64 hex digits);
/// <see cref="Matches"/> reads both, so an old store's papers stay unchanged on a repeated import.
/// </summary>
public static class PaperFingerprint
{
    private const char Separator = '\u001f';
    private const char ItemSeparator = '\u001e';

    /// <summary>The length of a SHA-256 hash in hex, the format stores held before XXH128.</summary>
    private const int Sha256HexLength = 64;

    /// <summary>
    /// Every import computes this once per paper, so the fields are encoded straight into one pooled
    /// buffer: no intermediate string of the whole paper (about 6 KB for an abstract-sized paper).
    /// XXH128 rather than SHA-256: the hash only tells a changed paper from the same one, and on the
    /// 5 KB of an abstract-sized paper SHA-256 cost the store's thread about 2 s per million papers
    /// (docs/PERFORMANCE.md). It is not meant to resist a source crafting collisions.
    /// </summary>
    public static string Of(Paper paper) => Hash(paper, sha256: false);

    /// <summary>
    /// Whether <paramref name="stored"/> is the hash of <paramref name="paper"/>, given its hash now
    /// (<paramref name="current"/>, from <see cref="Of"/>): a 64-digit stored hash is a SHA-256 one
    /// from before XXH128, and is compared with the paper's SHA-256 hash.
    /// </summary>
    public static bool Matches(Paper paper, string current, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Length == Sha256HexLength ? Hash(paper, sha256: true) == stored : current == stored;
    }

    /// <summary>The SHA-256 hash stores wrote before XXH128, for the tests of <see cref="Matches"/>.</summary>
    internal static string OfSha256(Paper paper) => Hash(paper, sha256: true);

    private static string Hash(Paper paper, bool sha256)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var text = new Utf8Text(4096);
        try
        {
            text.Field(paper.Id);
            text.Field(paper.ArxivId);
            Span<char> scratch = stackalloc char[48];
            for (var i = 0; i < paper.Versions.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(ItemSeparator);
                }
                var version = paper.Versions[i];
                version.Number.TryFormat(scratch, out var written, default, CultureInfo.InvariantCulture);
                text.Append(scratch[..written]);
                text.Append('@');
                if (version.Submitted is { } submitted)
                {
                    submitted.TryFormat(scratch, out written, "O", CultureInfo.InvariantCulture);
                    text.Append(scratch[..written]);
                }
            }
            text.Append(Separator);
            text.Field(paper.Title);
            text.Field(paper.TitleRaw);
            text.List(paper.Authors);
            text.Field(paper.Abstract);
            text.Field(paper.AbstractRaw);
            text.List(paper.Categories);
            text.Date(paper.Published, scratch);
            text.Date(paper.Updated, scratch);
            text.Field(paper.Doi);
            text.Field(paper.JournalRef);
            text.Field(paper.Comments);
            text.List(paper.CodeLinks);
            text.Field(paper.Withdrawn ? "withdrawn" : "");
            if (paper.Engagement is { } e)
            {
                text.Field(string.Create(CultureInfo.InvariantCulture, $"{e.Upvotes}|{e.Comments}|{e.TrendingDate:yyyy-MM-dd}|{e.SubmittedBy}|{e.ReportedAt:O}"));
                text.List(e.Keywords);
            }
            var sources = paper.FieldSources.ToArray();
            // Dictionary keys are distinct, so an unstable sort orders them as OrderBy would.
            Array.Sort(sources, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            for (var i = 0; i < sources.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(ItemSeparator);
                }
                text.Append(sources[i].Key);
                text.Append('=');
                text.Append(sources[i].Value);
            }
            text.Append(Separator);

            if (sha256)
            {
                Span<byte> sha = stackalloc byte[SHA256.HashSizeInBytes];
                SHA256.HashData(text.Written, sha);
                return Convert.ToHexStringLower(sha);
            }
            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(text.Written, hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            text.Dispose();
        }
    }

    /// <summary>The same hash built the plain way, as one string; the tests compare <see cref="Of"/> with it.</summary>
    internal static string OfReference(Paper paper) => Convert.ToHexStringLower(XxHash128.Hash(ReferenceBytes(paper)));

    /// <summary><see cref="OfSha256"/> built the plain way.</summary>
    internal static string OfSha256Reference(Paper paper) => Convert.ToHexStringLower(SHA256.HashData(ReferenceBytes(paper)));

    private static byte[] ReferenceBytes(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value).Append(Separator);
        void AddList(IEnumerable<string> values) => Add(string.Join(ItemSeparator, values));

        Add(paper.Id);
        Add(paper.ArxivId);
        AddList(paper.Versions.Select(v => $"{v.Number}@{v.Submitted?.ToString("O", CultureInfo.InvariantCulture)}"));
        Add(paper.Title);
        Add(paper.TitleRaw);
        AddList(paper.Authors);
        Add(paper.Abstract);
        Add(paper.AbstractRaw);
        AddList(paper.Categories);
        Add(paper.Published?.ToString("O", CultureInfo.InvariantCulture));
        Add(paper.Updated?.ToString("O", CultureInfo.InvariantCulture));
        Add(paper.Doi);
        Add(paper.JournalRef);
        Add(paper.Comments);
        AddList(paper.CodeLinks);
        Add(paper.Withdrawn ? "withdrawn" : "");
        if (paper.Engagement is { } e)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"{e.Upvotes}|{e.Comments}|{e.TrendingDate:yyyy-MM-dd}|{e.SubmittedBy}|{e.ReportedAt:O}"));
            AddList(e.Keywords);
        }
        AddList(paper.FieldSources.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// UTF-8 bytes in a pooled buffer. Pieces are encoded one by one; every piece ends before a separator
    /// or another ASCII character, so no surrogate pair is split and the bytes equal the whole string's.
    /// </summary>
    private ref struct Utf8Text(int capacity)
    {
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(capacity);
        private int _length;

        public readonly ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

        public void Field(string? value)
        {
            Append(value);
            Append(Separator);
        }

        public void List(IReadOnlyList<string> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0)
                {
                    Append(ItemSeparator);
                }
                Append(values[i]);
            }
            Append(Separator);
        }

        public void Date(DateTimeOffset? value, scoped Span<char> scratch)
        {
            if (value is { } date)
            {
                date.TryFormat(scratch, out var written, "O", CultureInfo.InvariantCulture);
                Append(scratch[..written]);
            }
            Append(Separator);
        }

        public void Append(char ascii)
        {
            Reserve(1);
            _bytes[_length++] = (byte)ascii;
        }

        public void Append(scoped ReadOnlySpan<char> value)
        {
            Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
            _length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length));
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_bytes);

        private void Reserve(int bytes)
        {
            if (_length + bytes <= _bytes.Length)
            {
                return;
            }
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + bytes));
            Written.CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }
    }
}
