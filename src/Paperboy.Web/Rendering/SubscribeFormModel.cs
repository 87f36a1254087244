namespace Paperboy.Web.Rendering;

/// <summary>
/// The model of Pages/Shared/_SubscribeForm.cshtml, the "email me" form at the foot of every list page,
/// prefilled with that page's topic: the trending papers, a category, or an author. It posts to /subscribe.
/// </summary>
public sealed record SubscribeFormModel(string Heading, bool Trending = false, string? Category = null, string? Author = null, string? Query = null);
