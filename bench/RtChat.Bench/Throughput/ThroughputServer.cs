using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RtChat.Bench.Infrastructure;
using RtChat.Bench.Limit;

namespace RtChat.Bench.Throughput;

/// <summary>
/// The throughput scenario's reference (hidden <c>throughput-server</c> mode, its own process): the app's send path
/// without the app. <c>POST /rooms/{room}/messages</c> (form: <c>Body</c>, <c>Author</c>) hands the message to a commit
/// loop batched as the app's MessageCommitter (<see cref="ReferenceCommitter"/>): the rows go into a Messages table of the
/// app's schema, with the app's pragmas (<see cref="ReferenceDatabase"/>), and each is sent as one text frame of the
/// app's size to the sockets of its room, <c>/ws?room={room}</c> (<see cref="RoomSockets"/>); the post answers 204 once
/// that is done, as Send does. No sign-in, antiforgery, rendering, presence or chat lists: that is the app's work.
/// </summary>
public static class ThroughputServer
{
    public static async Task<int> RunAsync(Args args)
    {
        var file = args.Text("database") ?? throw new ArgumentException("throughput-server needs --database FILE.");
        var rooms = args.Int("rooms", 50, 50);
        var users = args.Int("users", 100, 100);
        var frameBytes = args.Int("frame-bytes", 800, 800);
        var queueLimit = args.Int("queue-limit", 256, 256);

        using var database = ReferenceDatabase.Create(file, rooms, users);
        var sockets = new RoomSockets(queueLimit);
        var committer = new ReferenceCommitter(database, sockets, frameBytes);
        var app = BareHost.Build(args);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.MapGet("/healthz", () => "ok");
        app.Map("/ws", sockets.HandleAsync);
        app.MapPost("/rooms/{room:int}/messages", (RequestDelegate)(async http =>
        {
            var room = int.Parse((string)http.Request.RouteValues["room"]!, CultureInfo.InvariantCulture);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            string body = form["Body"].ToString();
            if (body.Length == 0 || !int.TryParse(form["Author"], CultureInfo.InvariantCulture, out var author) || !database.Knows(room, author))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await committer.CommitAsync(new NewMessage(room, database.AuthorId(author), body), http.RequestAborted);
            http.Response.StatusCode = StatusCodes.Status204NoContent;
        }));

        using var stopping = new CancellationTokenSource();
        var loop = committer.RunAsync(stopping.Token);
        await BareHost.RunAsync(app, args);
        await stopping.CancelAsync();
        await loop;
        return 0;
    }
}
