namespace Paperboy.Application.Semantic;

/// <summary>How far embedding has come: papers with vectors of the model, of how many, and the last error.</summary>
public sealed record EmbeddingProgress(string? Model, bool Running, long Done, long Total, string? Error)
{
    public static EmbeddingProgress Idle { get; } = new(null, false, 0, 0, null);
}
