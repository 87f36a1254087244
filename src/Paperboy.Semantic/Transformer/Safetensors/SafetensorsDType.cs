namespace Paperboy.Semantic.Transformer.Safetensors;

/// <summary>
/// The format's element types. Only F32, F16 and BF16 are read (as float32); the others are known so a
/// file that also holds, say, an I64 position_ids buffer (older BERT exports do) still opens.
/// </summary>
public enum SafetensorsDType
{
    F32,
    F16,
    BF16,
    F64,
    I64,
    I32,
    I16,
    I8,
    U64,
    U32,
    U16,
    U8,
    Bool,
    F8E4M3,
    F8E5M2,
}

internal static class SafetensorsDTypes
{
    public static bool TryParse(string? name, out SafetensorsDType dtype, out int size)
    {
        (dtype, size) = name switch
        {
            "F32" => (SafetensorsDType.F32, 4),
            "F16" => (SafetensorsDType.F16, 2),
            "BF16" => (SafetensorsDType.BF16, 2),
            "F64" => (SafetensorsDType.F64, 8),
            "I64" => (SafetensorsDType.I64, 8),
            "I32" => (SafetensorsDType.I32, 4),
            "I16" => (SafetensorsDType.I16, 2),
            "I8" => (SafetensorsDType.I8, 1),
            "U64" => (SafetensorsDType.U64, 8),
            "U32" => (SafetensorsDType.U32, 4),
            "U16" => (SafetensorsDType.U16, 2),
            "U8" => (SafetensorsDType.U8, 1),
            "BOOL" => (SafetensorsDType.Bool, 1),
            "F8_E4M3" => (SafetensorsDType.F8E4M3, 1),
            "F8_E5M2" => (SafetensorsDType.F8E5M2, 1),
            _ => (default, 0),
        };
        return size > 0;
    }
}
