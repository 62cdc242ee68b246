using ActorBroker.Host.Launch;

namespace ActorBroker.Host.Tests.Launch;

/// <summary>How actor-broker.links.viewer-url becomes the redirect target.</summary>
public sealed class ViewerUrlTemplateTests
{
    [Fact]
    public void The_default_template_gets_escaped_values_and_the_profile()
    {
        var t = new ViewerUrlTemplate(LaunchSettings.DefaultViewerUrl, "profile");
        Assert.Equal(
            "https://viewer.example.org/study?acc=A%2F1%20%26x%3D2&uid=1.2.3&profile=radiologist",
            t.Expand("MAINHOSP", "A/1 &x=2", "1.2.3", "P1", "radiologist"));
        Assert.Equal("https://viewer.example.org/study?acc=A1&uid=&profile=ref%20phys", t.Expand("S", "A1", null, null, "ref phys"));
    }

    [Theory]
    [InlineData("https://v.example/{site}/{patientId}/{studyUid}", "https://v.example/S%201/P%C3%A9/1.2?p=prof")]
    [InlineData("https://v.example/view?", "https://v.example/view?p=prof")]
    [InlineData("https://v.example/view?a={accession}&", "https://v.example/view?a=A&p=prof")]
    [InlineData("https://v.example/view?a={accession}#/study/{studyUid}", "https://v.example/view?a=A&p=prof#/study/1.2")]
    [InlineData("http://v.example/#x", "http://v.example/?p=prof#x")]
    public void Placeholders_anywhere_and_the_profile_before_the_fragment(string template, string expected)
    {
        Assert.Equal(expected, new ViewerUrlTemplate(template, "p").Expand("S 1", "A", "1.2", "Pé", "prof"));
    }

    [Theory]
    [InlineData("https://v.example/{accesion}")]
    [InlineData("https://v.example/{Accession}")]
    [InlineData("https://v.example/{accession")]
    [InlineData("https://v.example/accession}")]
    [InlineData("/relative/{accession}")]
    [InlineData("ftp://v.example/{accession}")]
    [InlineData("")]
    public void Templates_that_cannot_give_a_viewer_URL_are_refused(string template)
    {
        Assert.Throws<ArgumentException>(() => new ViewerUrlTemplate(template, "profile"));
    }

    [Fact]
    public void The_profile_parameter_name_is_escaped_and_required()
    {
        Assert.Equal("https://v.example/?view%20mode=r", new ViewerUrlTemplate("https://v.example/", "view mode").Expand("S", "A", null, null, "r"));
        Assert.Throws<ArgumentException>(() => new ViewerUrlTemplate("https://v.example/", " "));
    }
}
