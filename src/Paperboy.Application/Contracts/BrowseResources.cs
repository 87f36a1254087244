using Paperboy.Application.Browsing;
using Paperboy.Search;

namespace Paperboy.Application.Contracts;

/// <summary>Every category with its number of papers, most first.</summary>
public sealed record CategoriesResource(IReadOnlyList<FacetValue> Categories);

/// <summary>Author names matching a query, with how many of the best matches each wrote.</summary>
public sealed record AuthorsResource(string Query, IReadOnlyList<AuthorCount> Authors);

/// <summary>The papers most like one paper, best first, and the query of its distinctive words that found them.</summary>
public sealed record SimilarResource(string Id, IReadOnlyList<SearchHitResource> Papers);
