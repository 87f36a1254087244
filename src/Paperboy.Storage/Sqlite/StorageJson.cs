using System.Text.Json.Serialization;
using Paperboy.Core.Papers;

namespace Paperboy.Storage.Sqlite;

/// <summary>Source-generated JSON for the list columns, so rows serialize without reflection.</summary>
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<PaperVersion>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<PaperVersion>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class StorageJson : JsonSerializerContext;
