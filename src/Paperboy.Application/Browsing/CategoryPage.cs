using Paperboy.Application.Lists;
using Paperboy.Application.Searching;

namespace Paperboy.Application.Browsing;

/// <summary>A category's papers, newest first, and its trending papers (first page only).</summary>
public sealed record CategoryPage(PaperSearchResult Papers, PaperList? Trending);
