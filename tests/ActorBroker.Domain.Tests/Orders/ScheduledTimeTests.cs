using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Tests.Orders;

public sealed class ScheduledTimeTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Fact]
    public void An_instant_in_the_site_s_own_offset_keeps_its_wall_clock()
    {
        var t = ScheduledTime.At(new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(-6)), Chicago);

        Assert.Equal(("20261128", "093000", "-0600"), (t.Date, t.Time, t.UtcOffset));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 15, 30, 0, TimeSpan.Zero), t.Instant);
    }

    [Fact]
    public void An_instant_from_another_zone_is_shown_on_the_site_s_clock()
    {
        // 10:00 in Copenhagen (+0100) is 03:00 in Chicago (-0600) the same day.
        var t = ScheduledTime.At(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(1)), Chicago);

        Assert.Equal(("20261128", "030000", "-0600"), (t.Date, t.Time, t.UtcOffset));
    }

    [Fact]
    public void An_instant_from_another_zone_can_move_the_date()
    {
        var t = ScheduledTime.At(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.FromHours(1)), Chicago);

        Assert.Equal(("20261127", "180000", "-0600"), (t.Date, t.Time, t.UtcOffset));
    }

    [Fact]
    public void Summer_time_has_the_summer_offset()
    {
        var t = ScheduledTime.AtLocal(new DateTime(2026, 7, 1, 9, 30, 0), Chicago);

        Assert.Equal(("20260701", "093000", "-0500"), (t.Date, t.Time, t.UtcOffset));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 14, 30, 0, TimeSpan.Zero), t.Instant);
    }

    [Fact]
    public void A_wall_time_in_the_spring_forward_gap_moves_forward_by_the_gap()
    {
        // 2026-03-08 02:00 CST -> 03:00 CDT in Chicago: 02:30 does not exist.
        var t = ScheduledTime.AtLocal(new DateTime(2026, 3, 8, 2, 30, 0), Chicago);

        Assert.Equal(("20260308", "033000", "-0500"), (t.Date, t.Time, t.UtcOffset));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 8, 30, 0, TimeSpan.Zero), t.Instant);
    }

    [Fact]
    public void A_wall_time_in_the_European_gap_moves_forward_too()
    {
        // 2026-03-29 02:00 CET -> 03:00 CEST in Copenhagen.
        var t = ScheduledTime.AtLocal(new DateTime(2026, 3, 29, 2, 30, 0), Copenhagen);

        Assert.Equal(("20260329", "033000", "+0200"), (t.Date, t.Time, t.UtcOffset));
    }

    [Fact]
    public void A_wall_time_that_occurs_twice_is_the_earlier_instant()
    {
        // 2026-11-01 02:00 CDT -> 01:00 CST: 01:30 happens at -0500 and again at -0600.
        var t = ScheduledTime.AtLocal(new DateTime(2026, 11, 1, 1, 30, 0), Chicago);

        Assert.Equal(("20261101", "013000", "-0500"), (t.Date, t.Time, t.UtcOffset));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero), t.Instant);
    }

    [Fact]
    public void An_explicit_offset_resolves_the_fall_back_ambiguity()
    {
        var t = ScheduledTime.At(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-6)), Chicago);

        Assert.Equal(("20261101", "013000", "-0600"), (t.Date, t.Time, t.UtcOffset));
    }

    [Fact]
    public void An_offset_for_a_summer_instant_in_a_winter_message_still_converts()
    {
        // An EHR in CET sends a July exam with +0100 (its current offset): the instant is kept,
        // Copenhagen's wall clock that day reads an hour later (CEST).
        var t = ScheduledTime.At(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(1)), Copenhagen);

        Assert.Equal(("20260701", "110000", "+0200"), (t.Date, t.Time, t.UtcOffset));
    }

    [Fact]
    public void A_date_without_a_time_has_an_empty_TM()
    {
        var t = ScheduledTime.AtLocal(new DateTime(2026, 11, 28), Copenhagen, hasTime: false);

        Assert.Equal(("20261128", "", "+0100"), (t.Date, t.Time, t.UtcOffset));
    }

    [Theory]
    [InlineData(0, 0, "+0000")]
    [InlineData(-6, 0, "-0600")]
    [InlineData(1, 0, "+0100")]
    [InlineData(5, 30, "+0530")]
    [InlineData(-3, -30, "-0330")]
    [InlineData(14, 0, "+1400")]
    public void Offsets_are_formatted_as_DICOM_wants(int hours, int minutes, string expected)
    {
        Assert.Equal(expected, ScheduledTime.FormatOffset(new TimeSpan(hours, minutes, 0)));
    }

    [Fact]
    public void Seconds_are_kept_and_fractions_dropped_from_TM()
    {
        var t = ScheduledTime.At(new DateTimeOffset(2026, 11, 28, 9, 30, 15, 500, TimeSpan.FromHours(-6)), Chicago);

        Assert.Equal("093015", t.Time);
        Assert.Equal(500, t.Instant.Millisecond);
    }
}
