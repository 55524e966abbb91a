using System.Text;
using RtChat.Web.Realtime;

namespace RtChat.Web.Tests.Realtime;

/// <summary>
/// What a page sends on its socket: <c>{"after": N}</c> on every open, <c>{"read": N}</c> as its reader reads,
/// <c>{"typing": true}</c> as they type.
/// </summary>
public sealed class PageFramesTests
{
    private static (bool Read, long AfterId) Read(string frame) =>
        (PageFrames.TryReadResume(Encoding.UTF8.GetBytes(frame), out var afterId), afterId);

    [TestCase("""{"after":12}""", 12)]
    [TestCase("""{ "after" : 0 }""", 0)]
    [TestCase("""{"other":"x","after":42}""", 42)]
    [TestCase("""{"nested":{"after":1},"after":7}""", 7)]
    [TestCase("""{"after":9007199254740993}""", 9007199254740993)]
    public void Reads_the_last_message_id_the_page_shows(string frame, long expected)
    {
        Assert.That(Read(frame), Is.EqualTo((true, expected)));
    }

    [TestCase("")]
    [TestCase("hello")]
    [TestCase("12")]
    [TestCase("[12]")]
    [TestCase("""{"after":"12"}""")]
    [TestCase("""{"after":-1}""")]
    [TestCase("""{"after":1.5}""")]
    [TestCase("""{"after":null}""")]
    [TestCase("""{"after":99999999999999999999}""")]
    [TestCase("""{"before":12}""")]
    [TestCase("""{"nested":{"after":12}}""")]
    [TestCase("""{"after":""")]
    [TestCase("""{"aft""")]
    [TestCase("\u00ff\u00fe")]
    public void Ignores_anything_else(string frame)
    {
        Assert.That(Read(frame).Read, Is.False);
    }

    [TestCase("""{"read":31}""", true, 31)]
    [TestCase("""{"after":31}""", false, 0)]
    [TestCase("""{"read":-3}""", false, 0)]
    public void Reads_a_read_mark_by_its_own_name(string frame, bool read, long expected)
    {
        var found = PageFrames.TryReadReadMark(Encoding.UTF8.GetBytes(frame), out var messageId);

        Assert.That((found, messageId), Is.EqualTo((read, expected)));
    }

    [TestCase("""{"typing":true}""", true)]
    [TestCase("""{"other":1,"typing":true}""", true)]
    [TestCase("""{"typing":false}""", false)]
    [TestCase("""{"typing":"true"}""", false)]
    [TestCase("""{"typing":1}""", false)]
    [TestCase("""{"nested":{"typing":true}}""", false)]
    [TestCase("""{"typing":tr""", false)]
    public void Reads_that_the_reader_is_typing_only_from_true(string frame, bool typing)
    {
        Assert.That(PageFrames.IsTyping(Encoding.UTF8.GetBytes(frame)), Is.EqualTo(typing));
    }
}
