using Paperboy.Core.Papers;

namespace Paperboy.Core.Tests;

/// <summary>The pooled-buffer fingerprint must equal the plain string-built one, or every stored paper would look changed.</summary>
public class PaperFingerprintTests
{
    private static readonly string[] Words = ["Graph", "neural", "Schrödinger", "naïve", "𝔽-modules", "日本語", "", " ", "a\u001fb", "\ud800", "x\udc00y"];

    [Fact]
    public void Random_papers_hash_the_same_as_the_reference()
    {
        var random = new Random(11);
        for (var n = 0; n < 2_000; n++)
        {
            var paper = RandomPaper(random);
            Assert.Equal(PaperFingerprint.OfReference(paper), PaperFingerprint.Of(paper));
            Assert.Equal(PaperFingerprint.OfSha256Reference(paper), PaperFingerprint.OfSha256(paper));
        }
    }

    [Fact]
    public void A_hash_is_32_hex_digits_and_an_older_stores_is_64()
    {
        var paper = new Paper { Id = "2401.00001", Title = "A", Abstract = "B" };

        Assert.Matches("^[0-9a-f]{32}$", PaperFingerprint.Of(paper));
        Assert.Matches("^[0-9a-f]{64}$", PaperFingerprint.OfSha256(paper));
    }

    [Fact]
    public void A_stored_hash_of_either_kind_matches_its_paper_and_no_other()
    {
        var paper = new Paper { Id = "2401.00001", Title = "A", Abstract = "B" };
        var changed = paper with { Abstract = "C" };

        Assert.True(PaperFingerprint.Matches(paper, PaperFingerprint.Of(paper), PaperFingerprint.Of(paper)));
        Assert.True(PaperFingerprint.Matches(paper, PaperFingerprint.Of(paper), PaperFingerprint.OfSha256(paper)));
        Assert.False(PaperFingerprint.Matches(changed, PaperFingerprint.Of(changed), PaperFingerprint.Of(paper)));
        Assert.False(PaperFingerprint.Matches(changed, PaperFingerprint.Of(changed), PaperFingerprint.OfSha256(paper)));
    }

    [Fact]
    public void A_paper_with_a_long_abstract_grows_the_buffer_and_hashes_the_same()
    {
        var paper = new Paper { Id = "2401.00001", Title = "Long", Abstract = string.Concat(Enumerable.Repeat("Schrödinger bridges ", 2_000)) };

        Assert.Equal(PaperFingerprint.OfReference(paper), PaperFingerprint.Of(paper));
    }

    [Fact]
    public void Changing_any_field_changes_the_fingerprint()
    {
        var paper = new Paper { Id = "2401.00001", Title = "A", Authors = ["B", "C"] };

        Assert.NotEqual(PaperFingerprint.Of(paper), PaperFingerprint.Of(paper with { Authors = ["B C"] }));
        Assert.NotEqual(PaperFingerprint.Of(paper), PaperFingerprint.Of(paper with { Withdrawn = true }));
        Assert.Equal(PaperFingerprint.Of(paper), PaperFingerprint.Of(paper with { FirstSeen = DateTimeOffset.UnixEpoch }));
    }

    private static Paper RandomPaper(Random random)
    {
        string Text() => string.Join(' ', Enumerable.Range(0, random.Next(0, 6)).Select(_ => Words[random.Next(Words.Length)]));
        string? Maybe() => random.Next(3) == 0 ? null : Text();
        DateTimeOffset? Date() => random.Next(3) == 0 ? null : new DateTimeOffset(2000 + random.Next(25), 1 + random.Next(12), 1 + random.Next(28), random.Next(24), 0, 0, TimeSpan.FromHours(random.Next(-5, 6)));
        List<string> Texts() => Enumerable.Range(0, random.Next(0, 4)).Select(_ => Text()).ToList();
        return new Paper
        {
            Id = $"2401.{random.Next(100_000):D5}",
            ArxivId = random.Next(2) == 0 ? null : "2401.00001",
            Versions = Enumerable.Range(1, random.Next(0, 4)).Select(v => new PaperVersion(v, Date())).ToList(),
            Title = Text(),
            TitleRaw = Text(),
            Authors = Texts(),
            Abstract = Text(),
            AbstractRaw = Text(),
            Categories = Texts(),
            Published = Date(),
            Updated = Date(),
            FirstSeen = Date(),
            Doi = Maybe(),
            JournalRef = Maybe(),
            Comments = Maybe(),
            CodeLinks = Texts(),
            Withdrawn = random.Next(2) == 0,
            Engagement = random.Next(3) != 0 ? null : new PaperEngagement
            {
                Upvotes = random.Next(100),
                Comments = random.Next(10),
                TrendingDate = random.Next(2) == 0 ? null : new DateOnly(2024, 10, 1 + random.Next(28)),
                SubmittedBy = Maybe(),
                Keywords = Texts(),
                ReportedAt = Date(),
            },
            FieldSources = Enumerable.Range(0, random.Next(0, 8)).ToDictionary(i => $"field{i}{Text()}", _ => Text()),
        };
    }
}
