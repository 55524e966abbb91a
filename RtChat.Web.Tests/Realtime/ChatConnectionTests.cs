using System.Text;
using RtChat.Web.Realtime;

namespace RtChat.Web.Tests.Realtime;

/// <summary>The one message a page sends on its socket: <c>{"after": N}</c>.</summary>
public sealed class ChatConnectionTests
{
    private static (bool Read, long AfterId) Read(string frame) =>
        (ChatConnection.TryReadResume(Encoding.UTF8.GetBytes(frame), out var afterId), afterId);

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
}
