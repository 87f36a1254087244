using System.Globalization;
using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Transformer.Model;
using Paperboy.Semantic.Transformer.Safetensors;
using Paperboy.Semantic.Transformer.Tokenization;

namespace Paperboy.Semantic.Transformer;

/// <summary>
/// A sentence-transformers BERT model (all-MiniLM-L6-v2 and its kin) run in-process: WordPiece
/// tokens, the BERT encoder, mean or [CLS] pooling, L2 normalization. Loads a model folder with
/// config.json, model.safetensors and tokenizer.json or vocab.txt. Thread-safe.
/// </summary>
public sealed class TransformerEmbedder : IEmbedder
{
    private readonly TransformerOptions _options;
    private readonly PoolingMode _pooling;
    private readonly int _maxTokens;

    private TransformerEmbedder(EmbeddingModel model, WordPieceTokenizer tokenizer, BertEncoder encoder, TransformerOptions options, PoolingMode pooling, int maxTokens)
    {
        Model = model;
        Tokenizer = tokenizer;
        Encoder = encoder;
        _options = options;
        _pooling = pooling;
        _maxTokens = maxTokens;
    }

    public EmbeddingModel Model { get; }

    public WordPieceTokenizer Tokenizer { get; }

    public PoolingMode Pooling => _pooling;

    /// <summary>Tokens per text, special tokens included, after which a text is cut.</summary>
    public int MaxTokens => _maxTokens;

    internal BertEncoder Encoder { get; }

    public static TransformerEmbedder Load(string folder, TransformerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "bert: BatchSize must be positive");
        var configPath = Path.Combine(folder, "config.json");
        var weightsPath = Path.Combine(folder, "model.safetensors");
        foreach (var required in new[] { configPath, weightsPath })
        {
            if (!File.Exists(required))
                throw new FileNotFoundException($"bert: {folder} has no {Path.GetFileName(required)}", required);
        }
        var config = BertConfig.Read(configPath);
        var tokenizer = WordPieceTokenizer.Load(folder);
        if (tokenizer.VocabularySize > config.VocabularySize)
            throw new InvalidDataException($"bert: {folder}: the tokenizer has ids up to {tokenizer.VocabularySize - 1}, the model only {config.VocabularySize} embeddings");
        var sentenceTransformers = SentenceTransformersFolder.Read(folder);
        var pooling = options.Pooling ?? sentenceTransformers.Pooling ?? PoolingMode.Mean;
        var maxTokens = options.MaxTokens ?? sentenceTransformers.MaxSequenceLength ?? Math.Min(512, config.MaxPositions);
        if (maxTokens < 2 || maxTokens > config.MaxPositions)
            throw new ArgumentOutOfRangeException(nameof(options), maxTokens, $"bert: MaxTokens must be between 2 and the model's {config.MaxPositions} positions");

        BertEncoder encoder;
        using (var weights = SafetensorsFile.Open(weightsPath))
            encoder = BertEncoder.Read(weights, config, options.Int8Weights);

        var settings = string.Create(CultureInfo.InvariantCulture,
            $"pooling={pooling};normalize={options.Normalize};maxTokens={maxTokens};int8={options.Int8Weights}");
        var tokenizerFile = new[] { "tokenizer.json", "vocab.txt" }.Select(f => Path.Combine(folder, f)).First(File.Exists);
        var fingerprint = ModelFingerprint.Compute([configPath, tokenizerFile, weightsPath], settings);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var description = string.Create(CultureInfo.InvariantCulture,
            $"BERT {config.LayerCount} layers × {config.HiddenSize}, {pooling} pooling, {maxTokens} tokens{(options.Int8Weights ? ", int8 weights" : "")}, from {folder}");
        return new TransformerEmbedder(
            new EmbeddingModel($"bert:{name}:{fingerprint}", config.HiddenSize, description),
            tokenizer, encoder, options, pooling, maxTokens);
    }

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var vectors = new float[texts.Count][];
        for (var first = 0; first < texts.Count; first += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_options.BatchSize, texts.Count - first);
            var tokens = new TokenizedText[count];
            Parallel.For(0, count, parallel, i => tokens[i] = Tokenizer.Encode(texts[first + i] ?? "", _maxTokens));
            var batch = new PackedBatch(tokens);
            var hidden = Encoder.Forward(batch, parallel);
            for (var i = 0; i < count; i++)
                vectors[first + i] = VectorPooling.Pool(batch, hidden, Model.Dimensions, i, _pooling, _options.Normalize);
        }
        return vectors;
    }
}
