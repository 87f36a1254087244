using Paperboy.Application.Lists;

namespace Paperboy.Application.Tests.Lists;

public sealed class TrendingScoreTests
{
    private static readonly TrendingOptions Defaults = new();

    [Fact]
    public void The_score_is_upvotes_plus_one_over_the_offset_age_to_the_gravity()
    {
        Assert.Equal(51 / Math.Pow(12 + 2, 1.8), TrendingScore.Of(50, 12, Defaults), 1e-12);
        Assert.Equal(1 / Math.Pow(2, 1.8), TrendingScore.Of(0, 0, Defaults), 1e-12);
    }

    [Fact]
    public void A_fresh_paper_with_fewer_upvotes_outranks_an_older_one_with_more_and_gravity_decides_how_soon()
    {
        double fresh = TrendingScore.Of(50, 12, Defaults);
        double older = TrendingScore.Of(200, 84, Defaults);
        var gentle = new TrendingOptions { Gravity = 0.5 };

        Assert.True(fresh > older);
        Assert.True(TrendingScore.Of(200, 84, gentle) > TrendingScore.Of(50, 12, gentle));
    }

    [Fact]
    public void A_list_day_after_now_counts_as_age_zero_and_negative_upvotes_as_none()
    {
        Assert.Equal(TrendingScore.Of(10, 0, Defaults), TrendingScore.Of(10, -30, Defaults));
        Assert.Equal(TrendingScore.Of(0, 5, Defaults), TrendingScore.Of(-4, 5, Defaults));
    }

    [Fact]
    public void Age_counts_from_the_start_of_the_list_day_in_utc()
    {
        var now = new DateTimeOffset(2024, 3, 11, 14, 30, 0, TimeSpan.FromHours(2));

        Assert.Equal(12.5, TrendingScore.AgeHours(new DateOnly(2024, 3, 11), now), 1e-12);
        Assert.Equal(36.5, TrendingScore.AgeHours(new DateOnly(2024, 3, 10), now), 1e-12);
    }

    [Theory]
    [InlineData(-1, 2, 7, "Gravity")]
    [InlineData(1.8, 0, 7, "AgeOffsetHours")]
    [InlineData(1.8, 2, 0, "WindowDays")]
    [InlineData(double.NaN, 2, 7, "Gravity")]
    public void Bad_options_fail_at_start_naming_the_setting(double gravity, double offset, int window, string name)
    {
        var options = new TrendingOptions { Gravity = gravity, AgeOffsetHours = offset, WindowDays = window };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);
        Assert.Contains($"Paperboy:Trending:{name}", error.Message, StringComparison.Ordinal);
    }
}
