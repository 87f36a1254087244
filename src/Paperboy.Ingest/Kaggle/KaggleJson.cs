using System.Text.Json.Serialization;

namespace Paperboy.Ingest.Kaggle;

/// <summary>
/// Source-generated serializer metadata for <see cref="KaggleRecord"/>, options as JsonSerializerOptions'
/// defaults: how snapshot lines were read before <see cref="KaggleLineParser"/>, kept as the reference
/// the tests compare that parser with.
/// </summary>
[JsonSerializable(typeof(KaggleRecord))]
internal sealed partial class KaggleJson : JsonSerializerContext;
