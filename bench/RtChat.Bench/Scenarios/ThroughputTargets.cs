using System.Globalization;
using System.Net;
using RtChat.Bench.Clients;
using RtChat.Bench.Infrastructure;

namespace RtChat.Bench.Scenarios;

/// <summary>
/// Rooms and who is in them, the same for the app and its reference: member m of room r is user (r × perRoom + m) mod
/// users, and client c is member c mod perRoom of room c / perRoom.
/// </summary>
public sealed record RoomLayout(int Users, int Rooms, int PerRoom)
{
    public int Clients => Rooms * PerRoom;

    public int User(int room, int member) => (room * PerRoom + member) % Users;
}

/// <summary>What the throughput steps drive: sockets in rooms, posts by room members, and the SQLite file to count commits in.</summary>
public interface IThroughputTarget : IDisposable
{
    string Name { get; }
    ServerProcess Server { get; }
    BenchDatabase Database { get; }

    /// <summary>Opens client <paramref name="client"/>'s socket in its room (see <see cref="RoomLayout"/>).</summary>
    Task<BenchSocket> ConnectAsync(int client, FrameHandler onFrame, CancellationToken ct);

    /// <summary>Posts <paramref name="body"/> to <paramref name="room"/> as its <paramref name="member"/>: 204 once committed and broadcast.</summary>
    Task<HttpStatusCode> PostAsync(int room, int member, string body, CancellationToken ct);
}

/// <summary>
/// The app: users signed up through the form, group rooms inserted into its SQLite file (it has no way yet to create
/// them), sockets opened as a room page opens them, posts through Send.
/// </summary>
public sealed class AppThroughputTarget : IThroughputTarget
{
    private readonly AppUser[] _users;
    private readonly RoomLayout _layout;

    private AppThroughputTarget(ServerProcess server, BenchDatabase database, AppUser[] users, RoomLayout layout)
    {
        Server = server;
        Database = database;
        _users = users;
        _layout = layout;
    }

    public string Name => "app";
    public ServerProcess Server { get; }
    public BenchDatabase Database { get; }

    public static async Task<AppThroughputTarget> CreateAsync(ServerProcess server, string workDir, RoomLayout layout, CancellationToken ct)
    {
        var users = await AppUser.RegisterManyAsync(server.BaseAddress, layout.Users, ct);
        var target = new AppThroughputTarget(server, new BenchDatabase(Path.Combine(workDir, "rtchat.db")), users, layout);
        try
        {
            target.Database.LoadUserIds(users);
            var rooms = Enumerable.Range(0, layout.Rooms)
                .Select(r => (RoomName(r), (IReadOnlyList<AppUser>)Enumerable.Range(0, layout.PerRoom).Select(m => users[layout.User(r, m)]).ToList()))
                .ToList();
            target.Database.CreateGroupRooms(rooms);
            // One composer token per user: the page of the first room each is in.
            var prepared = new HashSet<int>();
            for (var r = 0; r < layout.Rooms; r++)
                for (var m = 0; m < layout.PerRoom; m++)
                    if (prepared.Add(layout.User(r, m)))
                        await users[layout.User(r, m)].PrepareToSendAsync(RoomName(r), ct);
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    public Task<BenchSocket> ConnectAsync(int client, FrameHandler onFrame, CancellationToken ct)
    {
        var room = client / _layout.PerRoom;
        var user = _users[_layout.User(room, client % _layout.PerRoom)];
        return BenchSocket.ConnectAsync(Server.SocketAddress(AppUser.SocketPath(RoomName(room))), client, onFrame, user.CookieHeader, user.Origin, ct);
    }

    public Task<HttpStatusCode> PostAsync(int room, int member, string body, CancellationToken ct) =>
        _users[_layout.User(room, member)].SendAsync(RoomName(room), body, ct);

    public void Dispose()
    {
        foreach (var user in _users) user.Dispose();
    }

    private static string RoomName(int room) => $"bench-room-{room:D2}";
}

/// <summary>
/// The bare reference (<c>throughput-server</c>): the same rooms and authors by number, a client per user from the same
/// source addresses, posts of the same form body.
/// </summary>
public sealed class ReferenceThroughputTarget(ServerProcess server, string workDir, RoomLayout layout) : IThroughputTarget
{
    private readonly HttpClient[] _clients = Enumerable.Range(0, layout.Users)
        .Select(i => new HttpClient(Loopback.NewHandler(Loopback.Source(i), cookies: null)) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
        .ToArray();

    public string Name => "reference";
    public ServerProcess Server => server;
    public BenchDatabase Database { get; } = new(Path.Combine(workDir, ServerProcess.ThroughputReferenceDatabase));

    public Task<BenchSocket> ConnectAsync(int client, FrameHandler onFrame, CancellationToken ct) =>
        BenchSocket.ConnectAsync(server.SocketAddress($"/ws?room={client / layout.PerRoom + 1}"), client, onFrame, null, null, ct);

    public async Task<HttpStatusCode> PostAsync(int room, int member, string body, CancellationToken ct)
    {
        var user = layout.User(room, member);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rooms/{room + 1}/messages")
        {
            Content = new FormUrlEncodedContent([new("Body", body), new("Author", user.ToString(CultureInfo.InvariantCulture))]),
        };
        using var response = await _clients[user].SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return response.StatusCode;
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}
