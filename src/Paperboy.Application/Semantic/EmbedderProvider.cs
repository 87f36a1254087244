using System.Globalization;
using Microsoft.Extensions.Logging;
using Paperboy.Core.Storage;
using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Transformer;
using Paperboy.Semantic.WordVectors;

namespace Paperboy.Application.Semantic;

/// <summary>
/// The embedder in use (docs/SEMANTIC.md): the transformer model at Paperboy:Semantic:ModelPath when
/// set; otherwise SIF over word vectors, once they are installed (<see cref="GetOrInstallAsync"/>, which
/// `paperboy embed` calls; `serve` never downloads by itself). SIF's word frequencies and common
/// component are fitted on the stored papers the first time and kept beside the vectors; they are
/// fitted again when the store has grown to twice the papers they were fitted on, which changes the
/// model id, so the papers are embedded again in the background.
/// </summary>
public sealed partial class EmbedderProvider(PaperboyOptions options, IPaperStore store, ILogger<EmbedderProvider> logger, TimeProvider? time = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IEmbedder? _embedder;
    private long _fittedPapers;
    private long _checkedGrowthAt;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    // Whether the store outgrew the SIF fit is asked at most this often: the background embedder asks at every store change.
    private static readonly TimeSpan GrowthCheckInterval = TimeSpan.FromSeconds(30);

    private SemanticOptions Semantic => options.Semantic;

    private string ModelsDirectory => Path.Combine(options.DataDirectory, "models");

    /// <summary>
    /// The embedder already loaded, or null: what a request uses, since loading one (reading a model,
    /// converting word vectors, fitting SIF over every paper) belongs to `embed` and the background service.
    /// </summary>
    public IEmbedder? Current => _embedder;

    /// <summary>True while an embedder is being loaded or fitted.</summary>
    public bool IsLoading => _gate.CurrentCount == 0;

    /// <summary>The embedder, or null when none is set up (no model configured, word vectors not installed, no papers to fit on).</summary>
    public async Task<IEmbedder?> GetAsync(CancellationToken cancellationToken)
    {
        var seen = _embedder;
        bool outgrown = seen is not null && Semantic.ModelPath is null && await OutgrownAsync(cancellationToken);
        if (seen is not null && !outgrown)
        {
            return seen;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have loaded it, or fitted it again, while this one waited.
            if (_embedder is not null && (!outgrown || !ReferenceEquals(_embedder, seen)))
            {
                return _embedder;
            }
            if (!string.IsNullOrWhiteSpace(Semantic.ModelPath))
            {
                _embedder = TransformerEmbedder.Load(Semantic.ModelPath, new TransformerOptions
                {
                    Int8Weights = Semantic.Int8Weights,
                    MaxTokens = Semantic.MaxTokens,
                });
                LogModel(logger, _embedder.Model.Id);
                return _embedder;
            }
            string? table = await InstalledTableAsync(cancellationToken);
            if (table is null)
            {
                return null;
            }
            _embedder = await SifForAsync(table, cancellationToken);
            return _embedder;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The embedder, installing the default word vectors first when no model is configured and they are missing.</summary>
    public async Task<IEmbedder> GetOrInstallAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (string.IsNullOrWhiteSpace(Semantic.ModelPath))
        {
            await WordVectorsInstaller.EnsureInstalledAsync(options.DataDirectory, Semantic.WordVectorsPath, log, cancellationToken);
        }
        return await GetAsync(cancellationToken)
            ?? throw new InvalidOperationException("semantic: there are no papers to fit the word weights on yet; import some first");
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The word-vector table to use: a configured one (converted once, a local step), else the default install if present.</summary>
    public async Task<string?> InstalledTableAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Semantic.WordVectorsPath))
        {
            return await WordVectorsInstaller.EnsureInstalledAsync(options.DataDirectory, Semantic.WordVectorsPath, TextWriter.Null, cancellationToken);
        }
        string path = WordVectorsInstaller.DefaultTablePath(options.DataDirectory);
        return File.Exists(path) ? path : null;
    }

    private async Task<IEmbedder?> SifForAsync(string tablePath, CancellationToken cancellationToken)
    {
        var table = WordVectorTable.Open(tablePath);
        string fitPath = Path.Combine(ModelsDirectory, Path.GetFileNameWithoutExtension(tablePath) + ".sif");
        string papersPath = fitPath + ".papers";
        long papers = await store.CountAsync(cancellationToken);
        if (File.Exists(fitPath) && File.Exists(papersPath)
            && long.TryParse(await File.ReadAllTextAsync(papersPath, cancellationToken), NumberStyles.Integer, CultureInfo.InvariantCulture, out long fitted)
            && papers < 2 * Math.Max(1, fitted))
        {
            try
            {
                _fittedPapers = fitted;
                Interlocked.Exchange(ref _checkedGrowthAt, _time.GetUtcNow().UtcTicks);
                return new SifEmbedder(table, SifModelFile.Load(fitPath, table));
            }
            catch (InvalidDataException e)
            {
                LogRefit(logger, fitPath, e.Message);
            }
        }
        if (papers == 0)
        {
            return null;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Fitting reads every stored paper once; it runs off the request threads.
        var model = await Task.Run(
            () => SifModel.Fit(table, store.ScanAsync(cancellationToken).ToBlockingEnumerable(cancellationToken).Select(PaperEmbeddings.TextOf), Semantic.SifA, cancellationToken: cancellationToken),
            cancellationToken);
        Directory.CreateDirectory(ModelsDirectory);
        SifModelFile.Save(model, fitPath);
        await File.WriteAllTextAsync(papersPath, papers.ToString(CultureInfo.InvariantCulture), cancellationToken);
        _fittedPapers = papers;
        Interlocked.Exchange(ref _checkedGrowthAt, _time.GetUtcNow().UtcTicks);
        var embedder = new SifEmbedder(table, model);
        LogFitted(logger, papers, embedder.Model.Id, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return embedder;
    }

    private async Task<bool> OutgrownAsync(CancellationToken cancellationToken)
    {
        long now = _time.GetUtcNow().UtcTicks;
        if (_fittedPapers == 0 || TimeSpan.FromTicks(now - Interlocked.Read(ref _checkedGrowthAt)) < GrowthCheckInterval)
        {
            return false;
        }
        Interlocked.Exchange(ref _checkedGrowthAt, now);
        return await store.CountAsync(cancellationToken) >= 2 * _fittedPapers;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "semantic: using the transformer model {Model}")]
    private static partial void LogModel(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Information, Message = "semantic: fitted SIF word weights on {Papers} papers: model {Model} ({Seconds:F1} s)")]
    private static partial void LogFitted(ILogger logger, long papers, string model, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "semantic: the saved SIF fit {Path} is unreadable ({Reason}); fitting again")]
    private static partial void LogRefit(ILogger logger, string path, string reason);
}
