using Paperboy.Core.Accounts;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The library contract (ILibraryStore): saved papers, their tags and notes.
/// Every store runs these, each test on a store of its own.
/// </summary>
public abstract class LibraryStoreConformance
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, empty, initialized store that the test disposes.</summary>
    private protected abstract Task<StoreUnderTest> CreateStoreAsync();

    [Fact]
    public async Task Saving_reports_only_papers_new_to_the_library()
    {
        await using var temp = await CreateStoreAsync();
        var ada = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);

        var first = await temp.Library.SaveToLibraryAsync(ada.Id, ["2401.00001", "2401.00002"], T0, CancellationToken.None);
        var second = await temp.Library.SaveToLibraryAsync(ada.Id, ["2401.00002", "2401.00003", "2401.00003"], T0.AddMinutes(1), CancellationToken.None);

        Assert.Equal(["2401.00001", "2401.00002"], first);
        Assert.Equal(["2401.00003"], second);
        Assert.Equal(["2401.00003", "2401.00001", "2401.00002"], (await temp.Library.ListLibraryAsync(ada.Id, null, CancellationToken.None)).Select(i => i.PaperId));
    }

    [Fact]
    public async Task Tags_and_notes_belong_to_a_saved_paper_and_filter_the_list()
    {
        await using var temp = await CreateStoreAsync();
        var ada = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        await temp.Library.SaveToLibraryAsync(ada.Id, ["2401.00001", "2401.00002"], T0, CancellationToken.None);

        Assert.True(await temp.Library.AddLibraryTagAsync(ada.Id, "2401.00001", "to read", CancellationToken.None));
        Assert.True(await temp.Library.AddLibraryTagAsync(ada.Id, "2401.00001", "diffusion", CancellationToken.None));
        Assert.False(await temp.Library.AddLibraryTagAsync(ada.Id, "2401.00001", "diffusion", CancellationToken.None));
        Assert.True(await temp.Library.AddLibraryTagAsync(ada.Id, "2401.00002", "diffusion", CancellationToken.None));
        Assert.False(await temp.Library.AddLibraryTagAsync(ada.Id, "2401.09999", "diffusion", CancellationToken.None));
        Assert.True(await temp.Library.SetLibraryNoteAsync(ada.Id, "2401.00001", "Read section 3 <b>twice</b>", T0, CancellationToken.None));
        Assert.False(await temp.Library.SetLibraryNoteAsync(ada.Id, "2401.09999", "nowhere", T0, CancellationToken.None));
        Assert.True(await temp.Library.RemoveLibraryTagAsync(ada.Id, "2401.00002", "diffusion", CancellationToken.None));

        var item = await temp.Library.GetLibraryItemAsync(ada.Id, "2401.00001", CancellationToken.None);
        Assert.Equal(new LibraryItem("2401.00001", T0, item!.Tags, "Read section 3 <b>twice</b>"), item);
        Assert.Equal(["diffusion", "to read"], item.Tags);
        Assert.Equal(["2401.00001"], (await temp.Library.ListLibraryAsync(ada.Id, "diffusion", CancellationToken.None)).Select(i => i.PaperId));
        Assert.Equal([("diffusion", 1), ("to read", 1)], await temp.Library.ListLibraryTagsAsync(ada.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Removing_a_paper_drops_its_tags_and_leaves_other_accounts_alone()
    {
        await using var temp = await CreateStoreAsync();
        var ada = await temp.Accounts.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var bob = await temp.Accounts.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);
        await temp.Library.SaveToLibraryAsync(ada.Id, ["2401.00001"], T0, CancellationToken.None);
        await temp.Library.SaveToLibraryAsync(bob.Id, ["2401.00001"], T0, CancellationToken.None);
        await temp.Library.AddLibraryTagAsync(ada.Id, "2401.00001", "x", CancellationToken.None);
        await temp.Library.AddLibraryTagAsync(bob.Id, "2401.00001", "y", CancellationToken.None);

        Assert.True(await temp.Library.RemoveFromLibraryAsync(ada.Id, "2401.00001", CancellationToken.None));
        Assert.False(await temp.Library.RemoveFromLibraryAsync(ada.Id, "2401.00001", CancellationToken.None));

        Assert.Empty(await temp.Library.ListLibraryTagsAsync(ada.Id, CancellationToken.None));
        Assert.Equal(["y"], (await temp.Library.GetLibraryItemAsync(bob.Id, "2401.00001", CancellationToken.None))!.Tags);
    }
}
