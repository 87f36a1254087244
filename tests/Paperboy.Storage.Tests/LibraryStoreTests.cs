using Paperboy.Core.Accounts;

namespace Paperboy.Storage.Tests;

public sealed class LibraryStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Saving_reports_only_papers_new_to_the_library()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var ada = await store.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);

        var first = await store.SaveToLibraryAsync(ada.Id, ["2401.00001", "2401.00002"], T0, CancellationToken.None);
        var second = await store.SaveToLibraryAsync(ada.Id, ["2401.00002", "2401.00003", "2401.00003"], T0.AddMinutes(1), CancellationToken.None);

        Assert.Equal(["2401.00001", "2401.00002"], first);
        Assert.Equal(["2401.00003"], second);
        Assert.Equal(["2401.00003", "2401.00001", "2401.00002"], (await store.ListLibraryAsync(ada.Id, null, CancellationToken.None)).Select(i => i.PaperId));
    }

    [Fact]
    public async Task Tags_and_notes_belong_to_a_saved_paper_and_filter_the_list()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var ada = await store.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        await store.SaveToLibraryAsync(ada.Id, ["2401.00001", "2401.00002"], T0, CancellationToken.None);

        Assert.True(await store.AddLibraryTagAsync(ada.Id, "2401.00001", "to read", CancellationToken.None));
        Assert.True(await store.AddLibraryTagAsync(ada.Id, "2401.00001", "diffusion", CancellationToken.None));
        Assert.False(await store.AddLibraryTagAsync(ada.Id, "2401.00001", "diffusion", CancellationToken.None));
        Assert.True(await store.AddLibraryTagAsync(ada.Id, "2401.00002", "diffusion", CancellationToken.None));
        Assert.False(await store.AddLibraryTagAsync(ada.Id, "2401.09999", "diffusion", CancellationToken.None));
        Assert.True(await store.SetLibraryNoteAsync(ada.Id, "2401.00001", "Read section 3 <b>twice</b>", T0, CancellationToken.None));
        Assert.False(await store.SetLibraryNoteAsync(ada.Id, "2401.09999", "nowhere", T0, CancellationToken.None));
        Assert.True(await store.RemoveLibraryTagAsync(ada.Id, "2401.00002", "diffusion", CancellationToken.None));

        var item = await store.GetLibraryItemAsync(ada.Id, "2401.00001", CancellationToken.None);
        Assert.Equal(new LibraryItem("2401.00001", T0, item!.Tags, "Read section 3 <b>twice</b>"), item);
        Assert.Equal(["diffusion", "to read"], item.Tags);
        Assert.Equal(["2401.00001"], (await store.ListLibraryAsync(ada.Id, "diffusion", CancellationToken.None)).Select(i => i.PaperId));
        Assert.Equal([("diffusion", 1), ("to read", 1)], await store.ListLibraryTagsAsync(ada.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Removing_a_paper_drops_its_tags_and_leaves_other_accounts_alone()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var ada = await store.SignInAccountAsync("ada@example.org", T0, CancellationToken.None);
        var bob = await store.SignInAccountAsync("bob@example.org", T0, CancellationToken.None);
        await store.SaveToLibraryAsync(ada.Id, ["2401.00001"], T0, CancellationToken.None);
        await store.SaveToLibraryAsync(bob.Id, ["2401.00001"], T0, CancellationToken.None);
        await store.AddLibraryTagAsync(ada.Id, "2401.00001", "x", CancellationToken.None);
        await store.AddLibraryTagAsync(bob.Id, "2401.00001", "y", CancellationToken.None);

        Assert.True(await store.RemoveFromLibraryAsync(ada.Id, "2401.00001", CancellationToken.None));
        Assert.False(await store.RemoveFromLibraryAsync(ada.Id, "2401.00001", CancellationToken.None));

        Assert.Empty(await store.ListLibraryTagsAsync(ada.Id, CancellationToken.None));
        Assert.Equal(["y"], (await store.GetLibraryItemAsync(bob.Id, "2401.00001", CancellationToken.None))!.Tags);
    }
}
