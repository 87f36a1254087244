using Paperboy.Application.Lists;

namespace Paperboy.Application.Tests.Lists;

public sealed class ListPeriodTests
{
    [Theory]
    [InlineData(ListKind.Daily, "2024-03-05", "2024-03-05", "2024-03-05", "5 March 2024")]
    [InlineData(ListKind.Weekly, "2024-W10", "2024-03-04", "2024-03-10", "Week 10, 2024 (4–10 March)")]
    [InlineData(ListKind.Weekly, "2024-W01", "2024-01-01", "2024-01-07", "Week 1, 2024 (1–7 January)")]
    [InlineData(ListKind.Weekly, "2020-W53", "2020-12-28", "2021-01-03", "Week 53, 2020 (28 December–3 January)")]
    [InlineData(ListKind.Monthly, "2024-02", "2024-02-01", "2024-02-29", "February 2024")]
    public void A_slug_reads_as_its_first_and_last_day_and_writes_back_the_same(ListKind kind, string slug, string first, string last, string title)
    {
        Assert.True(ListPeriod.TryParse(kind, slug, out var period));

        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), period.First);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), period.Last);
        Assert.Equal(slug, period.Slug);
        Assert.Equal(title, period.Title);
    }

    [Fact]
    public void The_first_days_of_january_can_belong_to_the_last_iso_week_of_the_year_before()
    {
        var period = ListPeriod.Containing(ListKind.Weekly, new DateOnly(2021, 1, 2));

        Assert.Equal("2020-W53", period.Slug);
        Assert.Equal(new DateOnly(2020, 12, 28), period.First);
    }

    [Theory]
    [InlineData(ListKind.Daily, "2024-02-30")]
    [InlineData(ListKind.Daily, "")]
    [InlineData(ListKind.Weekly, "2023-W53")]
    [InlineData(ListKind.Weekly, "2024-W00")]
    [InlineData(ListKind.Weekly, "2024-10")]
    [InlineData(ListKind.Weekly, "+024-W10")]
    [InlineData(ListKind.Monthly, "2024-13")]
    [InlineData(ListKind.Monthly, "2024-03-05")]
    public void Periods_that_do_not_exist_are_refused(ListKind kind, string slug) =>
        Assert.False(ListPeriod.TryParse(kind, slug, out _));

    [Fact]
    public void Previous_and_next_step_over_year_and_month_ends()
    {
        ListPeriod.TryParse(ListKind.Daily, "2024-03-01", out var day);
        ListPeriod.TryParse(ListKind.Weekly, "2024-W01", out var week);
        ListPeriod.TryParse(ListKind.Monthly, "2024-12", out var month);

        Assert.Equal("2024-02-29", day.Previous.Slug);
        Assert.Equal("2023-W52", week.Previous.Slug);
        Assert.Equal("2024-W02", week.Next.Slug);
        Assert.Equal("2025-01", month.Next.Slug);
        Assert.True(month.Contains(new DateOnly(2024, 12, 31)));
        Assert.False(month.Contains(new DateOnly(2025, 1, 1)));
    }
}
