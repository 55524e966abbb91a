using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>One account cannot hold or churn sockets without bound: each costs the server a queue, presence and memory.</summary>
public sealed class SocketFloodAttacksTests : AppFixture
{
    private const int MaxSockets = 3;
    private const int OpensPerMinute = 6;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Realtime:MaxSocketsPerUser"] = MaxSockets.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Realtime:SocketOpensPerMinute"] = OpensPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Test]
    public async Task Opening_more_pages_than_the_limit_is_refused_and_closing_one_lets_the_next_in()
    {
        var (web, user) = await App.SignedUpAsync("tabs");
        using var _ = web;
        var open = new List<ChatSocket>();
        for (var i = 0; i < MaxSockets; i++)
            open.Add(await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: $"tab {i + 1}"));

        var refused = await ChatSocket.RefusedStatusAsync(App.BaseAddress, web, room: null);
        await open[0].CloseAsync();
        await ServerReleasesAsync(await App.UserIdAsync(user), MaxSockets - 1);
        await using var next = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "the next tab");

        Assert.That(refused, Is.EqualTo(HttpStatusCode.TooManyRequests));
        foreach (var socket in open) await socket.DisposeAsync();
    }

    [Test]
    public async Task Opening_sockets_in_a_loop_is_refused_past_the_rate_while_another_user_connects()
    {
        var (web, _) = await App.SignedUpAsync("churn");
        var (other, _) = await App.SignedUpAsync("calm");
        using var __ = web;
        using var ___ = other;

        for (var i = 0; i < OpensPerMinute; i++)
            await (await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: $"open {i + 1}")).DisposeAsync();
        var refused = await ChatSocket.RefusedStatusAsync(App.BaseAddress, web, room: null);
        await using var calm = await ChatSocket.ConnectAsync(App.BaseAddress, other, room: null, name: "another user's page");

        Assert.That(refused, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    private async Task ServerReleasesAsync(string userId, int open)
    {
        var sockets = App.Services.GetRequiredService<LocalSockets>();
        var clock = Stopwatch.StartNew();
        while (sockets.CountOf(userId) > open)
        {
            if (clock.Elapsed > ChatSocket.Patience) Assert.Fail($"The server still holds {sockets.CountOf(userId)} sockets.");
            await Task.Delay(20);
        }
    }
}
