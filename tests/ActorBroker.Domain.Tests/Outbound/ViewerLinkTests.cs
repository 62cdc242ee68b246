using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Outbound;

namespace ActorBroker.Domain.Tests.Outbound;

public sealed class ViewerLinkTests
{
    [Fact]
    public void Every_placeholder_becomes_the_notice_value()
    {
        var url = ViewerLink.Expand("https://pacs/v?a={accession}&s={studyUid}&p={patientId}&i={issuer}&site={site}", OutboundSamples.Status());

        Assert.Equal($"https://pacs/v?a=ACC20001&s={OutboundSamples.StudyUid}&p=E1000001&i=EPI&site=MAINHOSP", url);
    }

    [Fact]
    public void Values_are_percent_escaped_so_they_cannot_change_the_url_structure()
    {
        var notice = OutboundSamples.Status() with
        {
            Accession = "A/1 2&x=y#z?",
            Patient = OutboundSamples.Patient() with { PatientId = "Ü+%" },
        };

        var url = ViewerLink.Expand("https://pacs/view/{accession}?pid={patientId}", notice);

        Assert.Equal("https://pacs/view/A%2F1%202%26x%3Dy%23z%3F?pid=%C3%9C%2B%25", url);
        Assert.Equal("A/1 2&x=y#z?", Uri.UnescapeDataString(url["https://pacs/view/".Length..url.IndexOf("?pid", StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("{ACCESSION}-{StudyUID}", "ACC20001-" + OutboundSamples.StudyUid)]
    [InlineData("{a{accession}", "{aACC20001")]
    [InlineData("x}{accession}}", "x}ACC20001}")]
    [InlineData("{unknown}/{accession}", "{unknown}/ACC20001")]
    [InlineData("{}{accession", "{}{accession")]
    [InlineData("no placeholders", "no placeholders")]
    [InlineData("", "")]
    public void Placeholders_ignore_case_and_anything_else_stays_as_written(string template, string expected) =>
        Assert.Equal(expected, ViewerLink.Expand(template, OutboundSamples.Status()));

    [Fact]
    public void Unknown_placeholders_are_listed_for_configuration_checks()
    {
        Assert.Equal(["acc", "", "study_uid"], ViewerLink.UnknownPlaceholders("{acc}/{}/{study_uid}/{accession}/{SITE}"));
        Assert.Empty(ViewerLink.UnknownPlaceholders("https://pacs/{accession}"));
    }

    [Fact]
    public void An_empty_value_expands_to_nothing()
    {
        var notice = OutboundSamples.Status() with { StudyInstanceUid = "" };

        Assert.Equal("s=&a=ACC20001", ViewerLink.Expand("s={studyUid}&a={accession}", notice));
    }

    [Fact]
    public void The_site_is_the_order_key_site()
    {
        var notice = OutboundSamples.Status() with { Order = new OrderKey("NORTH CLINIC", "ACC20001") };

        Assert.Equal("NORTH%20CLINIC", ViewerLink.Expand("{site}", notice));
    }
}
