namespace ActorBroker.Hl7.Tests.DataTypes;

public sealed class PersonNameTests
{
    [Fact]
    public void Xpn_to_DICOM_swaps_suffix_and_prefix_and_trims_trailing_empties()
    {
        Assert.Equal("SMITH^JOHN^Q^DR^JR", new Hl7Xpn("SMITH", "JOHN", "Q", "JR", "DR").ToDicomPn());
        Assert.Equal("SMITH^JOHN", new Hl7Xpn("SMITH", "JOHN", "", "", "").ToDicomPn());
        Assert.Equal("SMITH^^^^III", new Hl7Xpn("SMITH", "", "", "III", "").ToDicomPn());
        Assert.Equal("", new Hl7Xpn("", "", "", "", "").ToDicomPn());
    }

    [Fact]
    public void Xcn_to_DICOM_ignores_the_id()
    {
        Assert.Equal("GARCÍA^MARÍA", new Hl7Xcn("4411", "GARCÍA", "MARÍA", "", "", "").ToDicomPn());
        Assert.Equal("WHO^^^DR", new Hl7Xcn("1", "WHO", "", "", "", "DR").ToDicomPn());
    }
}
