using Paperboy.Search.Indexing;

namespace Paperboy.Search.Tests.Indexing;

public class ByteBlockPoolTests
{
    // Arrays from this size up go to the large object heap, which only full collections sweep.
    private const int LargeObjectBytes = 85_000;

    [Fact]
    public void A_few_documents_take_only_small_blocks()
    {
        var pool = new ByteBlockPool();
        var postings = new PostingsWriter(pool);
        var documents = new PackedDocuments.Builder("test", pool);
        for (var doc = 0; doc < 3; doc++)
        {
            postings.Add(termId: doc, position: 0);
            postings.EndDocument(doc);
            documents.Add(new SearchDocument($"d{doc}", "A title", "An abstract", ["An Author"], ["cs.LG"], 2024));
        }

        Assert.All(postings.Blocks.Concat(documents.Blocks), block => Assert.True(block.Length < LargeObjectBytes, $"a block of {block.Length} bytes"));
        Assert.Equal("An abstract", documents.Build().Get(2).Abstract);
    }

    [Fact]
    public void New_blocks_double_up_to_the_block_size_and_returned_full_blocks_are_reused()
    {
        var pool = new ByteBlockPool();
        var sizes = new List<int>();
        var last = 0;
        for (var i = 0; i < 6; i++)
        {
            var block = pool.Next(last, atLeast: 10);
            sizes.Add(block.Length);
            last = block.Length;
        }
        Assert.Equal([64 * 1024, 128 * 1024, 256 * 1024, 512 * 1024, ByteBlockPool.BlockSize, ByteBlockPool.BlockSize], sizes);
        Assert.Equal(3 * ByteBlockPool.BlockSize, pool.Next(0, atLeast: 3 * ByteBlockPool.BlockSize).Length);

        var full = new byte[ByteBlockPool.BlockSize];
        pool.Return([full, new byte[64 * 1024]]);
        Assert.Same(full, pool.Next(0, atLeast: 10));
        Assert.Equal(ByteBlockPool.FirstBlockSize, pool.Next(0, atLeast: 10).Length); // the small block was not kept
        pool.Return([full]);
        pool.Clear();
        Assert.NotSame(full, pool.Next(0, atLeast: 10));
    }
}
