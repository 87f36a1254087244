using System.Text.Json.Serialization;

namespace Paperboy.Ingest.Kaggle;

/// <summary>
/// Source-generated reading of snapshot lines: the metadata is built at compile time, so the
/// millions of lines of a full snapshot pay no reflection. Options as JsonSerializerOptions' defaults.
/// </summary>
[JsonSerializable(typeof(KaggleRecord))]
internal sealed partial class KaggleJson : JsonSerializerContext;
