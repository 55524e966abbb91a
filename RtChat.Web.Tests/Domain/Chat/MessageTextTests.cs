using RtChat.Web.Components.Chat;

namespace RtChat.Web.Tests.Domain.Chat;

/// <summary><see cref="MessageText"/> (Components/Chat) decides what in a message body becomes a link.</summary>
public sealed class MessageTextTests
{
    private static IEnumerable<(string Text, string? Link)> Split(string body) =>
        MessageText.Split(body).Select(s => (s.Text, s.Link?.AbsoluteUri));

    [Test]
    public void Plain_text_is_one_plain_segment()
    {
        Assert.That(Split("hello <b>world</b> & friends"), Is.EqualTo(new[] { ("hello <b>world</b> & friends", (string?)null) }));
    }

    [Test]
    public void Web_addresses_become_links_between_plain_text()
    {
        Assert.That(Split("see https://example.com/a?b=1&c=2 and http://test.example/x#y too"), Is.EqualTo(new[]
        {
            ("see ", null),
            ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"),
            (" and ", null),
            ("http://test.example/x#y", (string?)"http://test.example/x#y"),
            (" too", null),
        }));
    }

    [TestCase("Look: https://example.com/page.", "https://example.com/page", ".")]
    [TestCase("(https://example.com/page)", "https://example.com/page", ")")]
    [TestCase("really https://example.com/page?!", "https://example.com/page", "?!")]
    [TestCase("\"https://example.com/page\",", "https://example.com/page", "\",")]
    [TestCase("at https://example.com/page;", "https://example.com/page", ";")]
    public void Trailing_punctuation_is_not_part_of_the_link(string body, string link, string after)
    {
        var segments = MessageText.Split(body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(segments.Select(s => s.Link?.AbsoluteUri).OfType<string>(), Is.EqualTo(new[] { link }));
            Assert.That(segments[^1], Is.EqualTo(new MessageText.Segment(after, null)));
            Assert.That(string.Concat(segments.Select(s => s.Text)), Is.EqualTo(body), "no text is lost");
        }
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("JavaScript:alert(document.cookie)")]
    [TestCase("data:text/html,<script>alert(1)</script>")]
    [TestCase("vbscript:msgbox(1)")]
    [TestCase("ftp://example.com/file")]
    [TestCase("http://")]
    public void Other_schemes_and_broken_addresses_stay_plain_text(string body)
    {
        Assert.That(Split(body), Is.EqualTo(new[] { (body, (string?)null) }));
    }

    [Test]
    public void A_javascript_url_around_a_web_address_links_only_the_web_address()
    {
        var segments = MessageText.Split("javascript:alert('https://example.com/')");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(segments.Where(s => s.Link is not null).Select(s => s.Link!.Scheme), Is.All.EqualTo("https"));
            Assert.That(segments[0], Is.EqualTo(new MessageText.Segment("javascript:alert('", null)));
        }
    }

    [Test]
    public void A_link_stops_before_markup()
    {
        Assert.That(Split("https://example.com/<script>x</script>"), Is.EqualTo(new[]
        {
            ("https://example.com/", (string?)"https://example.com/"),
            ("<script>x</script>", null),
        }));
    }

    [Test]
    public void Empty_body_has_no_segments()
    {
        Assert.That(MessageText.Split(""), Is.Empty);
    }
}
