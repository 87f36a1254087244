using System.Text;
using Paperboy.Semantic.Tests.Transformer.TestModel;
using Paperboy.Semantic.Transformer.Safetensors;

namespace Paperboy.Semantic.Tests.Transformer.Safetensors;

public sealed class SafetensorsFileTests : IDisposable
{
    private static readonly float[] Values = [0f, 1f, -2.5f, 0.1f, 3.14159f, -65504f, 1e-3f, 7.77e-5f];

    private readonly ModelFolder _folder = new();

    [Fact]
    public void F32_tensors_read_back_exactly_with_their_shape_and_metadata()
    {
        var path = Write("F32");

        using var file = SafetensorsFile.Open(path);

        Assert.Equal(Values, file.ReadFloat32("w"));
        Assert.Equal([2L, 4L], file.Tensors["w"].Shape);
        Assert.Equal(SafetensorsDType.F32, file.Tensors["w"].DType);
        Assert.Equal("pt", file.Metadata["format"]);
    }

    [Fact]
    public void F16_tensors_widen_to_the_nearest_half_values()
    {
        using var file = SafetensorsFile.Open(Write("F16"));

        Assert.Equal(Values.Select(v => (float)(Half)v).ToArray(), file.ReadFloat32("w"));
        Assert.Equal(SafetensorsDType.F16, file.Tensors["w"].DType);
    }

    [Fact]
    public void BF16_tensors_widen_to_the_top_sixteen_bits_of_each_float()
    {
        using var file = SafetensorsFile.Open(Write("BF16"));

        var expected = Values.Select(v => BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(v) & 0xFFFF0000)).ToArray();
        Assert.Equal(expected, file.ReadFloat32("w"));
    }

    [Fact]
    public void Tensors_of_other_dtypes_open_but_refuse_to_read_as_floats()
    {
        var path = _folder.File("ints.safetensors");
        SafetensorsWriter.WriteRaw(path, Encoding.UTF8.GetBytes("""{"position_ids":{"dtype":"I64","shape":[1,2],"data_offsets":[0,16]}}"""), new byte[16]);

        using var file = SafetensorsFile.Open(path);
        var error = Assert.Throws<InvalidDataException>(() => file.ReadFloat32("position_ids"));

        Assert.Contains("'position_ids'", error.Message, StringComparison.Ordinal);
        Assert.Contains("only F32, F16 and BF16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_length_past_the_end_of_the_file_is_refused()
    {
        var path = _folder.File("long.safetensors");
        SafetensorsWriter.WriteRaw(path, Encoding.UTF8.GetBytes("{}"), [], declaredHeaderLength: 1_000);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));

        Assert.Equal($"safetensors: {path}: header length 1000 is out of bounds (file is 10 bytes, limit 100000000)", error.Message);
    }

    [Fact]
    public void A_file_shorter_than_the_length_prefix_is_refused()
    {
        var path = _folder.File("short.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));

        Assert.Contains("shorter than the 8-byte header length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_outside_the_data_are_refused_naming_the_tensor()
    {
        var path = _folder.File("offsets.safetensors");
        SafetensorsWriter.WriteRaw(path, Encoding.UTF8.GetBytes("""{"layer.weight":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"""), new byte[8]);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));

        Assert.Equal($"safetensors: {path}: tensor 'layer.weight' has data_offsets [0, 16] outside the 8-byte data section", error.Message);
    }

    [Fact]
    public void A_shape_that_disagrees_with_the_byte_length_is_refused()
    {
        var path = _folder.File("shape.safetensors");
        SafetensorsWriter.WriteRaw(path, Encoding.UTF8.GetBytes("""{"layer.bias":{"dtype":"F16","shape":[3,2],"data_offsets":[0,8]}}"""), new byte[8]);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));

        Assert.Equal($"safetensors: {path}: tensor 'layer.bias' of shape [3, 2] and dtype F16 needs 12 bytes but data_offsets span 8", error.Message);
    }

    [Fact]
    public void A_header_that_is_not_json_is_refused()
    {
        var path = _folder.File("json.safetensors");
        SafetensorsWriter.WriteRaw(path, Encoding.UTF8.GetBytes("{not json"), []);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));

        Assert.StartsWith($"safetensors: {path}: the header is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dtype_is_refused_naming_the_tensor()
    {
        var path = _folder.File("dtype.safetensors");
        SafetensorsWriter.WriteRaw(path, Encoding.UTF8.GetBytes("""{"w":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}}"""), new byte[1]);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));

        Assert.Equal($"safetensors: {path}: tensor 'w' has unknown dtype 'Q4'", error.Message);
    }

    [Fact]
    public void Reading_a_missing_tensor_names_it()
    {
        using var file = SafetensorsFile.Open(Write("F32"));

        var error = Assert.Throws<InvalidDataException>(() => file.ReadFloat32("encoder.layer.9.output.dense.weight"));

        Assert.Equal($"safetensors: {file.Path}: no tensor named 'encoder.layer.9.output.dense.weight'", error.Message);
    }

    private string Write(string dtype)
    {
        var path = _folder.File($"{dtype}.safetensors");
        SafetensorsWriter.Write(path, new Dictionary<string, TestTensor> { ["w"] = new([2, 4], Values) }, dtype);
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
