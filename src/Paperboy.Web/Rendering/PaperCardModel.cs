using Paperboy.Core.Papers;
using Paperboy.Search;

namespace Paperboy.Web.Rendering;

/// <summary>A paper in a list: with search highlights when it came from a search, plain otherwise.</summary>
public sealed record PaperCardModel(Paper Paper, Snippet? Title = null, Snippet? Snippet = null);
