using Paperboy.Core.Text;

namespace Paperboy.Core.Tests.Text;

public class CodeLinkExtractorTests
{
    [Theory]
    [InlineData("Code is at https://github.com/SakanaAI/AI-Scientist", "https://github.com/SakanaAI/AI-Scientist")]
    [InlineData("available at https://github.com/GAIR-NLP/LIMO.", "https://github.com/GAIR-NLP/LIMO")]
    [InlineData("(see https://github.com/owner/repo), and more", "https://github.com/owner/repo")]
    [InlineData("clone http://www.github.com/owner/repo.git today", "https://github.com/owner/repo")]
    [InlineData("github.com/owner/repo/tree/main/src", "https://github.com/owner/repo")]
    [InlineData("Codes: https://github.com/archinetai/audio-diffusion-pytorch;", "https://github.com/archinetai/audio-diffusion-pytorch")]
    [InlineData("https://gitlab.com/group/project/-/blob/x", "https://gitlab.com/group/project")]
    [InlineData("https://bitbucket.org/team/tool", "https://bitbucket.org/team/tool")]
    [InlineData("https://codeberg.org/forge/thing", "https://codeberg.org/forge/thing")]
    [InlineData("open-sourced at https://huggingface.co/analogllm/analogseeker", "https://huggingface.co/analogllm/analogseeker")]
    [InlineData("data: https://huggingface.co/datasets/owner/set.", "https://huggingface.co/datasets/owner/set")]
    [InlineData("HTTPS://GitHub.com/Owner/Repo", "https://github.com/Owner/Repo")]
    public void Repository_urls_are_found_and_normalised(string text, string expected)
    {
        Assert.Equal([expected], CodeLinkExtractor.Extract(text));
    }

    [Theory]
    [InlineData("Demos at https://audio-agi.github.io/FlowSep_demo/.")]
    [InlineData("see https://github.com/owner only")]
    [InlineData("https://github.com/features/actions")]
    [InlineData("https://huggingface.co/papers/2401.01234")]
    [InlineData("https://notgithub.com/a/b")]
    [InlineData("https://example.org/github.com/a/b")]
    [InlineData("")]
    [InlineData(null)]
    public void Non_repository_links_are_ignored(string? text)
    {
        Assert.Empty(CodeLinkExtractor.Extract(text));
    }

    [Fact]
    public void Duplicates_are_dropped_and_order_is_kept()
    {
        var links = CodeLinkExtractor.Extract(
            "Code: https://github.com/b/two and https://github.com/a/one. Mirror: github.com/b/two.git; also https://github.com/B/Two/");

        Assert.Equal(["https://github.com/b/two", "https://github.com/a/one"], links);
    }

    [Fact]
    public void Seed_pages_mention_the_expected_repositories()
    {
        var page = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "000_892b15f28ca5c8ed.txt"));

        var links = CodeLinkExtractor.Extract(page);

        Assert.Contains("https://github.com/SakanaAI/AI-Scientist", links);
        Assert.Contains("https://github.com/GAIR-NLP/LIMO", links);
        Assert.Contains("https://github.com/Quinn777/AtomThink", links);
        Assert.DoesNotContain(links, l => l.Contains("github.io", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Code at github.com/a/b.", "See https://GitHub.com/a/b and gitlab.com/c/d")]
    [InlineData("No links here.", "Data: huggingface.co/datasets/x/y")]
    [InlineData("Plain abstract.", null)]
    [InlineData("", "codeberg.org/e/f")]
    public void Abstract_and_comments_give_the_links_of_their_joined_text(string first, string? second) =>
        Assert.Equal(CodeLinkExtractor.Extract(second is null ? first : $"{first} {second}"), CodeLinkExtractor.Extract(first, second));
}
