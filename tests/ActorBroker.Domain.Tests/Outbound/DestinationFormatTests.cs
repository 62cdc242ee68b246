using ActorBroker.Domain.Outbound;

namespace ActorBroker.Domain.Tests.Outbound;

public sealed class DestinationFormatTests
{
    [Fact]
    public void The_defaults_are_usable_and_fit_an_epic_status_interface()
    {
        var format = DestinationFormat.Default;

        Assert.Empty(format.Problems());
        Assert.Equal("ORM^O01", format.StatusMessageType);
        Assert.Equal("2.5.1", format.Version);
        Assert.Equal("P", format.ProcessingId);
        Assert.Equal("TX", format.ReportTextValueType);
        Assert.Equal("RP", format.ImageLinkValueType);
        Assert.Equal("", format.AcceptAckType); // original mode: the EHR answers with an application ACK
        Assert.Equal("", format.ViewerUrlTemplate);
    }

    [Fact]
    public void Every_bad_value_is_reported()
    {
        var format = DestinationFormat.Default with
        {
            StatusMessageType = "ORU^R01",
            ReportTextValueType = "ST",
            ImageLinkValueType = "ED",
            ProcessingId = "X",
            Version = "3.0",
            SendingApplication = "",
            ViewerUrlTemplate = "https://pacs/{accession}/{study}",
        };

        var problems = format.Problems();

        Assert.Equal(7, problems.Count);
        Assert.Contains(problems, p => p.Contains("'ORU^R01'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'ST' is not TX or FT", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'ED' is not RP, ST or TX", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("processing id 'X'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'3.0'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MSH-3", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("{study}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("OMI^O23", "FT", "ST")]
    [InlineData("ORM^O01", "TX", "TX")]
    public void The_documented_alternatives_are_accepted(string status, string text, string link) =>
        Assert.Empty((DestinationFormat.Default with { StatusMessageType = status, ReportTextValueType = text, ImageLinkValueType = link }).Problems());
}
