using Paperboy.Search;
using Spectre.Console;

namespace Paperboy.Cli.Output;

/// <summary>Text output: Spectre markup on stdout (styles dropped when redirected), progress on stderr.</summary>
public static class Terminal
{
    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>
    /// Redirected output is for programs and files: no escape codes and no wrapping at an imagined
    /// 80 columns, so every line stays whole.
    /// </summary>
    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 4096;
        }
        return console;
    }

    /// <summary>A snippet as markup: text escaped, matches bold.</summary>
    public static string Markup(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        return string.Concat(snippet.Parts.Select(p =>
            p.IsMatch ? $"[bold yellow]{Spectre.Console.Markup.Escape(p.Text)}[/]" : Spectre.Console.Markup.Escape(p.Text)));
    }

    public static string Escape(string text) => Spectre.Console.Markup.Escape(text);
}
