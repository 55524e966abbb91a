using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>"Alice is typing…": what a room's pages say while their readers type, told to the room, gone with silence.</summary>
public sealed class TypingTests : AppFixture
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Realtime:TypingTimeout"] = Timeout.ToString(),
    };

    /// <summary>Alice and Bob in their private chat, each with the room's page open (both sockets counted).</summary>
    private sealed record OpenChat(PrivateChat Chat, string AliceId, ChatSocket Alice, ChatSocket Bob) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Alice.DisposeAsync();
            await Bob.DisposeAsync();
            Chat.Dispose();
        }
    }

    private async Task<OpenChat> OpenChatAsync()
    {
        var chat = await App.PrivateChatAsync();
        var alice = await ChatSocket.ConnectAsync(App.BaseAddress, chat.AliceWeb, chat.Room, name: "alice's socket");
        var bob = await ChatSocket.ConnectAsync(App.BaseAddress, chat.BobWeb, chat.Room, name: "bob's socket");
        await bob.WaitForOnlineCountAsync(2);
        return new OpenChat(chat, await App.UserIdAsync(chat.Alice), alice, bob);
    }

    [Test]
    public async Task Bob_sees_alice_typing_when_her_page_says_she_types()
    {
        await using var open = await OpenChatAsync();

        await open.Alice.SendTypingAsync();

        var frame = await open.Bob.WaitForTypersAsync(null, open.AliceId);
        Assert.That(frame, Does.Contain($">{open.Chat.Alice.Username}</span>"), "her name, for the page's sentence");
    }

    [Test]
    public async Task A_page_opened_while_alice_types_shows_her_typing()
    {
        await using var open = await OpenChatAsync();
        await open.Alice.SendTypingAsync();
        await open.Bob.WaitForTypersAsync(null, open.AliceId);

        await using var bobsNewPage = await ChatSocket.ConnectAsync(App.BaseAddress, open.Chat.BobWeb, open.Chat.Room, name: "bob's new page");

        await bobsNewPage.WaitForTypersAsync(null, open.AliceId);
    }

    [Test]
    public async Task Alice_stops_showing_as_typing_after_the_timeout_of_silence()
    {
        await using var open = await OpenChatAsync();
        await open.Alice.SendTypingAsync();
        await open.Bob.WaitForTypersAsync(null, open.AliceId);
        var shown = System.Diagnostics.Stopwatch.StartNew();

        await open.Bob.WaitForTypersAsync(Timeout * 4);

        Assert.That(shown.Elapsed, Is.GreaterThan(Timeout / 2), "shown until the silence lasted the timeout");
    }

    [Test]
    public async Task A_burst_of_typing_frames_reaches_the_room_as_a_few_frames_a_second()
    {
        await using var open = await OpenChatAsync();

        for (var i = 0; i < 50; i++)
            await open.Alice.SendTypingAsync();
        await open.Bob.WaitForTypersAsync(null, open.AliceId);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var frames = open.Bob.Received.Count(TypingSteps.IsTypingFrame);
        Assert.That(frames, Is.InRange(1, 4), "one to start, one when it expired, never one per signal");
    }

    [Test]
    public async Task Typing_on_a_page_without_the_room_shows_nobody_typing_there()
    {
        await using var open = await OpenChatAsync();
        var (carolWeb, _) = await App.SignedUpAsync("carol");
        using var __ = carolWeb;
        var refused = await ChatSocket.RefusedStatusAsync(App.BaseAddress, carolWeb, open.Chat.Room);
        await using var carolSite = await ChatSocket.ConnectAsync(App.BaseAddress, carolWeb, room: null, name: "carol's site socket");

        await carolSite.SendTypingAsync();
        await carolSite.SendTextAsync($$"""{"typing":true,"room":"{{open.Chat.Room}}"}""");
        await Task.Delay(Timeout);
        await open.Alice.SendTypingAsync();

        var first = await open.Bob.WaitForAsync(TypingSteps.IsTypingFrame, "a typing frame");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)refused, Is.EqualTo(404), "carol cannot open the room's socket");
            Assert.That(TypingSteps.TypersIn(first), Is.EqualTo(new[] { open.AliceId }), "the room's first typing frame lists alice alone");
            Assert.That(carolSite.Socket.State, Is.EqualTo(System.Net.WebSockets.WebSocketState.Open), "an ignored frame is no reason to close");
        }
    }
}
