using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;
using Paperboy.Search.Tests.Indexing;

namespace Paperboy.Search.Tests.Pruning;

/// <summary>The block-max reader against the skip table decoded whole (<see cref="Postings.ReadSkips"/>).</summary>
public class BlockMaxReaderTests
{
    public static TheoryData<string> Lists() => [.. PostingsLists.All.Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Lists))]
    public void Shallow_advance_and_bounds_agree_with_the_decoded_skip_table(string name)
    {
        var list = PostingsLists.Named(name);
        var (data, positions) = PostingsLists.EncodeFast(list);
        var postings = new Postings(data, 0, positions, 0);
        var skips = postings.ReadSkips();
        var random = new Random(list.Docs.Length);
        for (var run = 0; run < 20; run++)
        {
            var reader = new BlockMaxReader(postings);
            var target = 0;
            while (true)
            {
                var block = skips.FindIndex(s => s.LastDoc >= target);
                var expectedEnd = skips.Count == 0 || block < 0 ? Scorer.NoMoreDocs : skips[block].LastDoc;
                Assert.Equal(expectedEnd, reader.AdvanceShallow(target));

                // The block's end, or a few blocks' worth of doc ids on.
                var span = Math.Max(1, list.Docs[^1] / (skips.Count + 1));
                var upTo = random.Next(3) == 0
                    ? expectedEnd
                    : (int)Math.Min(int.MaxValue - 1L, target + ((long)random.Next(1, 4) * random.Next(1, span + 1)));
                var expected = skips.Count == 0
                    ? (postings.MaxFreq, postings.MinFieldLength)
                    : Aggregate(skips, block, upTo);
                Assert.Equal(expected, reader.BoundsUpTo(upTo));
                if (upTo >= list.Docs[^1] || upTo == int.MaxValue - 1)
                {
                    break;
                }
                target = upTo + 1 + random.Next(3);
            }
        }
    }

    // The blocks from `first` through the one holding upTo (or the last); nothing left is frequency 0.
    private static (int, int) Aggregate(List<SkipEntry> skips, int first, int upTo)
    {
        if (first < 0)
        {
            return (0, int.MaxValue);
        }
        var (maxFreq, minLength) = (0, int.MaxValue);
        for (var b = first; b < skips.Count; b++)
        {
            (maxFreq, minLength) = (Math.Max(maxFreq, skips[b].MaxFreq), Math.Min(minLength, skips[b].MinFieldLength));
            if (skips[b].LastDoc >= upTo)
            {
                break;
            }
        }
        return (maxFreq, minLength);
    }
}
