using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Semantic.Transformer;

/// <summary>
/// A short hash of everything that decides the vectors: config.json, the tokenizer file, the whole
/// safetensors file (its header alone would not tell two fine-tunes of one architecture apart) and the
/// settings that change outputs.
/// </summary>
internal static class ModelFingerprint
{
    public static string Compute(IEnumerable<string> files, string settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 20];
            int read;
            while ((read = stream.Read(buffer)) > 0)
                hash.AppendData(buffer, 0, read);
        }
        hash.AppendData(Encoding.UTF8.GetBytes(settings));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
