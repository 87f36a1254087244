using AngleSharp.Dom;

namespace Paperboy.Testing;

/// <summary>Submits a page's form as a browser would: its hidden fields (the anti-forgery token too), plus what the test types.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, IDictionary<string, string>? values = null)
    {
        var page = await Html.GetAsync(client, pageUrl);
        return await SubmitAsync(client, page, pageUrl, formSelector, values);
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, string pageUrl, string formSelector, IDictionary<string, string>? values = null)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"no form {formSelector} on {pageUrl}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            string type = input.GetAttribute("type") ?? "";
            if (type is "checkbox" or "file" || (values?.ContainsKey(input.GetAttribute("name")!) ?? false))
            {
                continue;
            }
            fields.Add(new(input.GetAttribute("name")!, input.LocalName == "textarea" ? input.TextContent : input.GetAttribute("value") ?? ""));
        }
        fields.AddRange(values ?? new Dictionary<string, string>());
        string action = form.GetAttribute("action") is { Length: > 0 } target ? target : pageUrl;
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pageUrl)
    {
        var page = await Html.GetAsync(client, pageUrl);
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no anti-forgery token on {pageUrl}");
    }
}
