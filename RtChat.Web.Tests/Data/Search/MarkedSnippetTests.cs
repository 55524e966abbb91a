using RtChat.Web.Data.Search;

namespace RtChat.Web.Tests.Data.Search;

public sealed class MarkedSnippetTests
{
    private static string Html(string marked) => MarkedSnippet.ToHtml(marked).ToString()!;

    [Test]
    public void Marks_become_mark_elements_and_the_rest_is_encoded() =>
        Assert.That(Html("a <b>\u0002word\u0003 & \"c\""), Is.EqualTo("a &lt;b&gt;<mark>word</mark> &amp; &quot;c&quot;"));

    [TestCase("\u0003x", "x")]
    [TestCase("\u0002x", "<mark>x</mark>")]
    [TestCase("\u0002\u0002x\u0003\u0003y", "<mark>x</mark>y")]
    [TestCase("x\u0003\u0002", "x<mark></mark>")]
    public void Marks_are_always_paired(string marked, string html) => Assert.That(Html(marked), Is.EqualTo(html));

    [Test]
    public void An_extract_is_cut_around_the_first_match_with_every_word_marked()
    {
        var body = new string('x', 300) + " the Budget moved to friday " + new string('y', 300);

        var extract = MarkedSnippet.Around(body, ["budget", "FRIDAY"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(extract, Does.StartWith("…").And.EndWith("…"));
            Assert.That(extract, Does.Contain("the \u0002Budget\u0003 moved to \u0002friday\u0003 "));
            Assert.That(extract.Length, Is.LessThanOrEqualTo(MarkedSnippet.Length + 6));
        }
    }

    [Test]
    public void Marker_characters_of_the_body_are_not_taken_for_marks() =>
        Assert.That(MarkedSnippet.Around("\u0002a\u0003 word", ["word"]), Is.EqualTo(" a  \u0002word\u0003"));
}
