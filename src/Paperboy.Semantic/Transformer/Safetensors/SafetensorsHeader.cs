using System.Text.Json;

namespace Paperboy.Semantic.Transformer.Safetensors;

/// <summary>
/// Parses and checks the JSON header: every tensor's dtype is known, its offsets lie inside the
/// data section, and its shape times the dtype's size is exactly its byte length.
/// </summary>
internal static class SafetensorsHeader
{
    public static (Dictionary<string, SafetensorsTensor> Tensors, Dictionary<string, string> Metadata) Parse(
        string path, byte[] header, long dataLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw SafetensorsFile.Invalid(path, $"the header is not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw SafetensorsFile.Invalid(path, "the header is not a JSON object");
            var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                {
                    foreach (var item in entry.Value.EnumerateObject())
                        metadata[item.Name] = item.Value.ToString();
                    continue;
                }
                tensors[entry.Name] = ParseTensor(path, entry.Name, entry.Value, dataLength);
            }
            return (tensors, metadata);
        }
    }

    private static SafetensorsTensor ParseTensor(string path, string name, JsonElement entry, long dataLength)
    {
        try
        {
            var dtypeName = entry.GetProperty("dtype").GetString();
            if (!SafetensorsDTypes.TryParse(dtypeName, out var dtype, out var size))
                throw SafetensorsFile.Invalid(path, $"tensor '{name}' has unknown dtype '{dtypeName}'");
            var shape = entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = entry.GetProperty("data_offsets").EnumerateArray().Select(o => o.GetInt64()).ToArray();
            if (offsets.Length != 2)
                throw SafetensorsFile.Invalid(path, $"tensor '{name}' has {offsets.Length} data_offsets, not 2");
            var (begin, end) = (offsets[0], offsets[1]);
            if (begin < 0 || end < begin || end > dataLength)
                throw SafetensorsFile.Invalid(path, $"tensor '{name}' has data_offsets [{begin}, {end}] outside the {dataLength}-byte data section");
            if (shape.Any(d => d < 0))
                throw SafetensorsFile.Invalid(path, $"tensor '{name}' has a negative dimension in shape [{string.Join(", ", shape)}]");
            var tensor = new SafetensorsTensor(name, dtype, shape, begin, end);
            var expected = checked(tensor.ElementCount * size);
            if (expected != end - begin)
                throw SafetensorsFile.Invalid(path, $"tensor '{name}' of shape [{string.Join(", ", shape)}] and dtype {dtypeName} needs {expected} bytes but data_offsets span {end - begin}");
            if (tensor.ElementCount > Array.MaxLength)
                throw SafetensorsFile.Invalid(path, $"tensor '{name}' has {tensor.ElementCount} elements, more than one array holds");
            return tensor;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw SafetensorsFile.Invalid(path, $"tensor '{name}' has a malformed header entry: {e.Message}");
        }
    }
}
