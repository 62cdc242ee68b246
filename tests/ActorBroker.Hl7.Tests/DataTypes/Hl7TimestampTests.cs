namespace ActorBroker.Hl7.Tests.DataTypes;

public sealed class Hl7TimestampTests
{
    [Theory]
    [InlineData("2026", 2026, 1, 1, 0, 0, 0, Hl7TimestampPrecision.Year)]
    [InlineData("202611", 2026, 11, 1, 0, 0, 0, Hl7TimestampPrecision.Month)]
    [InlineData("20261128", 2026, 11, 28, 0, 0, 0, Hl7TimestampPrecision.Day)]
    [InlineData("2026112809", 2026, 11, 28, 9, 0, 0, Hl7TimestampPrecision.Hour)]
    [InlineData("202611280930", 2026, 11, 28, 9, 30, 0, Hl7TimestampPrecision.Minute)]
    [InlineData("20261128093015", 2026, 11, 28, 9, 30, 15, Hl7TimestampPrecision.Second)]
    public void Parses_every_precision_without_offset(string ts, int y, int mo, int d, int h, int mi, int s, Hl7TimestampPrecision precision)
    {
        Assert.True(Hl7Timestamp.TryParse(ts, out var value));

        Assert.Equal(new DateTime(y, mo, d, h, mi, s), value.Local);
        Assert.Equal(DateTimeKind.Unspecified, value.Local.Kind);
        Assert.Null(value.Offset);
        Assert.Equal(precision, value.Precision);
        Assert.Null(value.ToDateTimeOffset());
        Assert.Equal(ts, value.ToString());
    }

    [Fact]
    public void Parses_fractions_and_offsets()
    {
        Assert.True(Hl7Timestamp.TryParse("20261128093015.1234-0600", out var value));

        Assert.Equal(new DateTime(2026, 11, 28, 9, 30, 15).AddTicks(1_234_000), value.Local);
        Assert.Equal(TimeSpan.FromHours(-6), value.Offset);
        Assert.Equal(Hl7TimestampPrecision.FractionOfSecond, value.Precision);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 15, 30, 15, TimeSpan.Zero).AddTicks(1_234_000), value.ToDateTimeOffset());

        Assert.True(Hl7Timestamp.TryParse("20261128110000+0100", out var plus));
        Assert.Equal(TimeSpan.FromHours(1), plus.Offset);
        Assert.Equal("20261128110000+0100", plus.ToString());
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.FromHours(-6)), new Hl7Timestamp(new DateTime(2026, 11, 28, 11, 0, 0), null, Hl7TimestampPrecision.Second).ToDateTimeOffset(TimeSpan.FromHours(-6)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("20261")]
    [InlineData("20261328")]
    [InlineData("20260230")]
    [InlineData("2026112825")]
    [InlineData("20261128093060")]
    [InlineData("2026112809.5")]
    [InlineData("20261128093000-06")]
    [InlineData("20261128093000+1500")]
    [InlineData("2026-11-28")]
    [InlineData("tomorrow")]
    public void Refuses_malformed_values(string? ts)
    {
        Assert.False(Hl7Timestamp.TryParse(ts, out _));
    }

    [Fact]
    public void Parse_throws_a_data_type_error_at_the_callers_location()
    {
        var location = new Hl7Location("ORC", 1, 7, 4);

        var e = Assert.Throws<Hl7Exception>(() => Hl7Timestamp.Parse("20261399", location));

        Assert.Equal(Hl7ErrorCode.DataTypeError, e.Error.Code);
        Assert.Equal(location, e.Error.Location);
        Assert.Equal(AckCode.AE, e.SuggestedAck);
        Assert.Contains("ORC-7.4", e.Error.Message, StringComparison.Ordinal);
    }
}
