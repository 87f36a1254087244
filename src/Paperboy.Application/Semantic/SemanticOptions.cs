namespace Paperboy.Application.Semantic;

/// <summary>
/// Semantic search (docs/SEMANTIC.md), bound from "Paperboy:Semantic". With <see cref="ModelPath"/> set,
/// papers are embedded by that transformer model; otherwise by the word vectors, once installed
/// (`paperboy embed` installs them). Without either, search is keyword only.
/// </summary>
public sealed class SemanticOptions
{
    /// <summary>A Hugging Face BERT-family model folder (config.json, tokenizer.json or vocab.txt, model.safetensors).</summary>
    public string? ModelPath { get; set; }

    /// <summary>Load the transformer's weights as int8 (about 4x smaller, slightly less exact).</summary>
    public bool Int8Weights { get; set; }

    /// <summary>Longer inputs are cut to this many tokens (the transformer's own limit when larger).</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>A GloVe text file, the wink JSON or its npm tarball, or a converted table; unset: the npm package, installed into the data directory.</summary>
    public string? WordVectorsPath { get; set; }

    /// <summary>SIF's smoothing weight a: a word of corpus frequency p weighs a / (a + p).</summary>
    public double SifA { get; set; } = Paperboy.Semantic.WordVectors.SifModel.DefaultA;

    /// <summary>
    /// Whether `serve` installs the word vectors by itself when no model is configured and they are
    /// missing (through npm, once, in the background). Unset means yes for `paperboy serve` and no
    /// for any other host (tests, tools), which must never reach a registry unasked.
    /// </summary>
    public bool? InstallWordVectors { get; set; }

    /// <summary>Whether `serve` embeds new papers in the background (when an embedder is available).</summary>
    public bool BackgroundEmbedding { get; set; } = true;

    /// <summary>How often `serve` looks for papers to embed.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many papers are embedded together.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// A checkpoint is committed every this many papers (or every 10 seconds): an interruption loses at
    /// most that much work, and the vector index gets few, large segments.
    /// </summary>
    public int CommitEvery { get; set; } = 8192;

    /// <summary>Hybrid ranking: reciprocal rank fusion's k and the semantic list's weight against the keyword list's 1.</summary>
    public HybridSettings Hybrid { get; set; } = new();

    public void Validate()
    {
        if (MaxTokens is < 8 or > 8192)
        {
            throw new InvalidOperationException($"options: Paperboy:Semantic:MaxTokens must be between 8 and 8192, not {MaxTokens}");
        }
        if (CommitEvery is < 1 or > 10_000_000)
        {
            throw new InvalidOperationException($"options: Paperboy:Semantic:CommitEvery must be between 1 and 10000000, not {CommitEvery}");
        }
        if (BatchSize is < 1 or > 100_000)
        {
            throw new InvalidOperationException($"options: Paperboy:Semantic:BatchSize must be between 1 and 100000, not {BatchSize}");
        }
        if (!(SifA > 0 && SifA < 1))
        {
            throw new InvalidOperationException($"options: Paperboy:Semantic:SifA must be between 0 and 1, not {SifA}");
        }
        if (CheckInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"options: Paperboy:Semantic:CheckInterval must be positive, not {CheckInterval}");
        }
        Hybrid.Validate();
    }
}
