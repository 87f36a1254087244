using Paperboy.Application.Library;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Tests.Library;

public sealed class LibraryServiceTests
{
    private static Paper Arxiv(string id, string title) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        TitleRaw = title,
        Authors = ["Ada Lovelace"],
        Published = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Importing_ids_in_any_form_saves_known_papers_and_reports_every_other_id()
    {
        await using var app = new AppServices(loadDemoCorpus: false);
        await app.Get<IPaperStore>().UpsertAsync([Arxiv("2401.00001", "First"), Arxiv("hep-th/9901001", "Old style")], CancellationToken.None);
        var ada = await app.Get<IAccountStore>().SignInAccountAsync("ada@example.org", DateTimeOffset.UtcNow, CancellationToken.None);
        var library = app.Get<LibraryService>();
        await library.SaveAsync(ada.Id, "2401.00001", CancellationToken.None);

        var report = await library.ImportIdsAsync(ada.Id,
            LibraryInput.SplitIds("https://arxiv.org/abs/2401.00001v2, arXiv:hep-th/9901001;\n2401.99999 banana 2401.00001"), CancellationToken.None);

        Assert.Equal(["hep-th/9901001"], report!.Saved);
        Assert.Equal(["2401.00001"], report.AlreadySaved);
        Assert.Equal(["2401.99999"], report.Unknown);
        Assert.Equal(["banana"], report.Invalid);
        Assert.Equal(["2401.00001", "hep-th/9901001"], (await library.ListAsync(ada.Id, null, CancellationToken.None)).Select(e => e.Item.PaperId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tags_and_notes_are_cleaned_and_bad_ones_refused_with_a_reason()
    {
        await using var app = new AppServices(loadDemoCorpus: false);
        await app.Get<IPaperStore>().UpsertAsync([Arxiv("2401.00001", "First")], CancellationToken.None);
        var ada = await app.Get<IAccountStore>().SignInAccountAsync("ada@example.org", DateTimeOffset.UtcNow, CancellationToken.None);
        var library = app.Get<LibraryService>();

        var unsaved = await library.AddTagAsync(ada.Id, "2401.00001", "x", CancellationToken.None);
        await library.SaveAsync(ada.Id, "arXiv:2401.00001v1", CancellationToken.None);
        var tagged = await library.AddTagAsync(ada.Id, "2401.00001", "  to   read ", CancellationToken.None);
        var empty = await library.AddTagAsync(ada.Id, "2401.00001", "   ", CancellationToken.None);
        var noted = await library.SetNoteAsync(ada.Id, "2401.00001", "line one\r\nline two", CancellationToken.None);
        var missing = await library.SaveAsync(ada.Id, "2401.99999", CancellationToken.None);

        Assert.Equal(LibraryStatus.NotSaved, unsaved.Status);
        Assert.Equal(["to read"], tagged.Entry!.Item.Tags);
        Assert.Equal((LibraryStatus.InvalidInput, "a tag must not be empty"), (empty.Status, empty.Error));
        Assert.Equal("line one\nline two", noted.Entry!.Item.Note);
        Assert.Equal("First", noted.Entry.Paper!.Title);
        Assert.Equal(LibraryStatus.PaperNotFound, missing.Status);
    }
}
