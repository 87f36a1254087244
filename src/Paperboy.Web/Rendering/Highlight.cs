using Microsoft.AspNetCore.Html;
using Paperboy.Search;

namespace Paperboy.Web.Rendering;

/// <summary>Turns a snippet into HTML: every part HTML-encoded, matched parts wrapped in &lt;mark&gt;.</summary>
public static class Highlight
{
    public static IHtmlContent Render(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var html = new HtmlContentBuilder();
        foreach (var part in snippet.Parts)
        {
            if (part.IsMatch)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }
        return html;
    }
}
