using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Tests.Indexing;

public class PostingsCodecTests
{
    public static TheoryData<string> Lists() => [.. PostingsLists.All.Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Lists))]
    public void Fast_encoder_writes_the_bytes_of_the_reference_encoder(string name)
    {
        var list = PostingsLists.Named(name);
        var (postings, positions) = PostingsLists.EncodeFast(list);
        var (expectedPostings, expectedPositions) = ReferencePostingsCodec.Encode(list.Docs, list.Positions, list.Lengths);

        Assert.Equal(expectedPostings, postings);
        Assert.Equal(expectedPositions, positions);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Reference_decoder_gives_back_the_lists_and_their_block_figures(string name)
    {
        var list = PostingsLists.Named(name);
        var (postings, positions) = ReferencePostingsCodec.Encode(list.Docs, list.Positions, list.Lengths);

        var decoded = ReferencePostingsCodec.Decode(postings, 0, positions, 0);

        Assert.Equal(list.Docs, decoded.Docs);
        Assert.Equal(list.Positions, decoded.Positions.Select(p => p.ToArray()));
        Assert.Equal(list.Positions.Max(p => p.Length), decoded.MaxFreq);
        Assert.Equal(list.Lengths.Min(), decoded.MinFieldLength);
        var blocks = list.Docs.Chunk(PostingsFormat.BlockSize).Count();
        Assert.Equal(blocks == 1 ? 0 : blocks, decoded.Skips.Count);
        for (var b = 0; b < decoded.Skips.Count; b++)
        {
            var range = Enumerable.Range(b * PostingsFormat.BlockSize, Math.Min(PostingsFormat.BlockSize, list.Docs.Length - (b * PostingsFormat.BlockSize))).ToList();
            Assert.Equal(list.Docs[range[^1]], decoded.Skips[b].LastDoc);
            Assert.Equal(range.Max(i => list.Positions[i].Length), decoded.Skips[b].MaxFreq);
            Assert.Equal(range.Min(i => list.Lengths[i]), decoded.Skips[b].MinFieldLength);
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Cursor_reads_every_doc_freq_and_position_the_reference_decoder_reads(string name)
    {
        var list = PostingsLists.Named(name);
        var (postings, positions) = PostingsLists.EncodeFast(list);
        var expected = ReferencePostingsCodec.Decode(postings, 0, positions, 0);
        var view = new Postings(postings, 0, positions, 0);
        var cursor = new PostingsCursor(view);

        Assert.Equal(expected.Docs.Count, view.DocFrequency);
        Assert.Equal(expected.MaxFreq, view.MaxFreq);
        Assert.Equal(expected.MinFieldLength, view.MinFieldLength);
        Assert.Equal(expected.Skips, view.ReadSkips());
        for (var i = 0; i < expected.Docs.Count; i++)
        {
            Assert.Equal(expected.Docs[i], cursor.NextDoc());
            Assert.Equal(expected.Positions[i].Count, cursor.Freq);
            Assert.Equal(expected.Positions[i], cursor.Positions.ToArray());
            var block = expected.Skips.Count == 0 ? null : (SkipEntry?)expected.Skips[i / PostingsFormat.BlockSize];
            Assert.Equal(block?.MaxFreq ?? expected.MaxFreq, cursor.BlockMaxFreq);
            Assert.Equal(block?.MinFieldLength ?? expected.MinFieldLength, cursor.BlockMinFieldLength);
            Assert.Equal(block?.LastDoc ?? expected.Docs[^1], cursor.BlockLastDoc);
        }
        Assert.Equal(Scorer.NoMoreDocs, cursor.NextDoc());
        Assert.Equal(Scorer.NoMoreDocs, cursor.NextDoc());
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Advance_lands_on_the_first_doc_at_or_after_the_target_and_reads_its_positions_there(string name)
    {
        var list = PostingsLists.Named(name);
        var (postings, positions) = PostingsLists.EncodeFast(list);
        var random = new Random(list.Docs.Length);
        for (var round = 0; round < 5; round++)
        {
            var cursor = new PostingsCursor(new Postings(postings, 0, positions, 0));
            var index = -1;
            while (true)
            {
                int doc;
                if (random.Next(3) == 0)
                {
                    doc = cursor.NextDoc();
                    index++;
                }
                else
                {
                    // Targets on, between and past the docs, near and far.
                    var current = index < 0 ? 0 : list.Docs[Math.Min(index, list.Docs.Length - 1)];
                    var target = (int)Math.Min(int.MaxValue - 1L, current + (long)random.Next(random.Next(2) == 0 ? 300 : 3_000_000));
                    doc = cursor.Advance(target);
                    var expectedIndex = Array.FindIndex(list.Docs, d => d >= target);
                    index = expectedIndex < 0 ? list.Docs.Length : Math.Max(index, expectedIndex);
                }
                if (index >= list.Docs.Length)
                {
                    Assert.Equal(Scorer.NoMoreDocs, doc);
                    break;
                }
                Assert.Equal(list.Docs[index], doc);
                if (random.Next(4) == 0)
                {
                    Assert.Equal(list.Positions[index], cursor.Positions.ToArray());
                }
                if (random.Next(4) == 0)
                {
                    Assert.Equal(PostingsLists.PositionBytes(list.Positions[index]), cursor.RawPositions.ToArray());
                }
                if (random.Next(2) == 0)
                {
                    Assert.Equal(list.Positions[index].Length, cursor.Freq);
                }
            }
        }
    }

    [Fact]
    public void Every_bit_width_from_0_to_31_packs_and_unpacks_as_the_reference_does()
    {
        for (var bits = 0; bits <= 31; bits++)
        {
            // Doc gaps of exactly `bits` bits in one full block, and frequencies of `bits` bits in another.
            var max = bits == 0 ? 0 : (1 << (bits - 1)) + 1;
            var gaps = Enumerable.Range(0, 128).Select(i => i == 77 ? max : i % (max + 1)).ToArray();
            var docs = new List<int>();
            var doc = -1;
            foreach (var gap in gaps)
            {
                doc = (int)Math.Min(int.MaxValue - 200L, doc + 1L + gap);
                docs.Add(doc);
            }
            docs = [.. docs.Distinct()];
            var freqBits = Math.Min(bits, 15); // a frequency of 2^15 positions is enough
            var freqs = Enumerable.Range(0, docs.Count).Select(i => 1 + (i == 5 ? (1 << freqBits) - 1 : i % 3)).ToArray();
            var list = new PostingsLists.List($"{bits} bits", [.. docs],
                [.. freqs.Select(f => Enumerable.Range(0, f).ToArray())], [.. freqs.Select(f => f + 1)]);

            var (postings, positions) = PostingsLists.EncodeFast(list);
            Assert.Equal(ReferencePostingsCodec.Encode(list.Docs, list.Positions, list.Lengths).Postings, postings);
            var cursor = new PostingsCursor(new Postings(postings, 0, positions, 0));
            foreach (var (expected, i) in list.Docs.Select((d, i) => (d, i)))
            {
                Assert.Equal(expected, cursor.NextDoc());
                Assert.Equal(freqs[i], cursor.Freq);
            }
        }
    }

    [Fact]
    public void Bit_packing_round_trips_at_every_width_including_32()
    {
        var random = new Random(5);
        for (var bits = 0; bits <= 32; bits++)
        {
            var values = Enumerable.Range(0, 128).Select(_ => bits == 0 ? 0 : (int)((uint)random.NextInt64() & (uint)((1UL << bits) - 1))).ToArray();
            var packed = new byte[PostingsFormat.PackedBytes(bits)];
            BitPacking.Pack(values, bits, packed);
            var unpacked = new int[128];
            BitPacking.Unpack(packed, bits, unpacked);
            Assert.Equal(values, unpacked);
        }
    }

    [Fact]
    public void A_term_without_postings_writes_nothing()
    {
        var postings = new ByteBuffer();
        var positions = new ByteBuffer();
        var encoder = new PostingsEncoder(postings, positions);

        Assert.Equal(0, encoder.FinishTerm());
        Assert.Equal(0, postings.Length);
        Assert.Equal(0, positions.Length);
    }
}
