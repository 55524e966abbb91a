using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Nodes;

/// <summary>
/// Two web nodes on one SQLite file and media folder, one real Redis as their backplane. Each node has a keys folder of
/// its own, so only the key store in Redis lets a cookie made on one work on the other.
/// </summary>
public abstract class TwoNodesFixture
{
    protected RedisServer Redis { get; private set; } = null!;
    protected RtChatApp NodeA { get; private set; } = null!;
    protected RtChatApp NodeB { get; private set; } = null!;
    protected LogRecorder LogsOfA { get; } = new();
    protected LogRecorder LogsOfB { get; } = new();
    private DirectoryInfo _keys = null!;

    [OneTimeSetUp]
    public async Task StartNodesAsync()
    {
        _keys = Directory.CreateTempSubdirectory("rtchat-node-keys-");
        Redis = new RedisServer();
        await Redis.StartAsync();
        NodeA = new RtChatApp(SettingsOf("a"), services => services.AddSingleton<ILoggerProvider>(LogsOfA));
        NodeB = new RtChatApp(SettingsOf("b"), services => services.AddSingleton<ILoggerProvider>(LogsOfB), sharedRoot: NodeA.Root);
    }

    [OneTimeTearDown]
    public async Task StopNodesAsync()
    {
        await NodeB.DisposeAsync();
        await NodeA.DisposeAsync();
        await Redis.DisposeAsync();
        _keys.Delete(recursive: true);
    }

    private Dictionary<string, string?> SettingsOf(string node) => new()
    {
        ["Realtime:Backplane"] = "Redis",
        ["ConnectionStrings:Redis"] = Redis.ConnectionString,
        ["DataProtection:KeysDirectory"] = Path.Combine(_keys.FullName, node),
        ["Chat:SendLimit"] = "1000",
    };

    /// <summary>The same browser as <paramref name="web"/> (its cookies), talking to <paramref name="node"/>.</summary>
    protected static WebSession On(RtChatApp node, WebSession web) => new(node.BaseAddress, web.Cookies);

    /// <summary>A socket on <paramref name="room"/>'s page at <paramref name="node"/> that has said what it shows, so it gets live messages at once.</summary>
    protected static async Task<ChatSocket> OpenRoomPageAsync(RtChatApp node, WebSession web, string room, string name)
    {
        var socket = await ChatSocket.ConnectAsync(node.BaseAddress, web, room, name: name);
        await socket.SendResumeAsync(await node.LastMessageIdAsync(room));
        return socket;
    }

    /// <summary>
    /// Posts a first message and waits for it on <paramref name="socket"/>: it may come by the page's resume, but once it is
    /// there the resume is done, and a message posted after it can only come live.
    /// </summary>
    protected static async Task WaitUntilLiveAsync(ChatSocket socket, RtChatApp node, WebSession web, string room) =>
        await socket.WaitForMessageAsync(await SendAsync(node, web, room, $"Are you there? {Guid.NewGuid()}"));

    protected static async Task<long> SendAsync(RtChatApp node, WebSession web, string room, string body)
    {
        using var there = On(node, web);
        await (await there.OpenComposerAsync(room)).SendAsync(body);
        return await node.MessageIdAsync(body);
    }

    /// <summary>A new user signed in on node A, whose card node B keeps (it showed them a page); the same browser on both nodes.</summary>
    protected async Task<(WebSession OnA, WebSession OnB)> UserKnownToBothAsync(string prefix)
    {
        var (onA, _) = await NodeA.SignedUpAsync(prefix);
        var onB = On(NodeB, onA);
        await onB.GetPageAsync(ProfileSteps.EditPath);
        return (onA, onB);
    }

    /// <summary>Whether node B's next page shows <paramref name="onB"/>'s user as <paramref name="name"/>, within the patience.</summary>
    protected static Task<bool> NodeBShowsNameAsync(WebSession onB, string name) =>
        EventuallyAsync(async () => (await onB.GetPageAsync(ProfileSteps.EditPath)).HeaderName() == name);

    /// <summary>Asks again until <paramref name="condition"/> holds, for at most <paramref name="patience"/> (<see cref="ChatSocket.Patience"/>).</summary>
    protected static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? ChatSocket.Patience);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50);
        }
        return true;
    }
}
