namespace Paperboy.Semantic.Tests.Transformer.TestModel;

/// <summary>A temporary folder for one test's model files, removed afterwards.</summary>
internal sealed class ModelFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("paperboy-bert-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
