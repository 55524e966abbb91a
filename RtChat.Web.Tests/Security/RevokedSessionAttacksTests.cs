using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Areas.Identity;
using RtChat.Web.Pages.Profile;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>
/// A session that was revoked (stolen cookie, lost laptop) must end at once: its cookie refused on the next request and
/// its open pages told and closed, not left streaming until the stamp check's 30 minutes run out.
/// </summary>
public sealed class RevokedSessionAttacksTests : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        // Short, so the periodic check (the net for changes this node was not told of) runs within a test's patience.
        ["Realtime:SessionCheckInterval"] = "00:00:00.5",
    };

    /// <summary>The same account signed in on two browsers: the thief's and the owner's.</summary>
    private async Task<(WebSession Thief, WebSession Owner, TestUser User)> TwoSessionsAsync()
    {
        var (thief, user) = await App.SignedUpAsync("owner");
        var owner = App.NewSession();
        using (var signedIn = await owner.PostLoginAsync(user.Email, user.Password))
            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the owner signs in too");
        return (thief, owner, user);
    }

    private static async Task<string> SessionEndedAsync(ChatSocket socket)
    {
        var frame = await socket.WaitForAsync(f => f.Contains("data-testid=\"session-ended\"", StringComparison.Ordinal), "the session-ended notice");
        await socket.WaitForEndAsync();
        Assert.That(socket.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.PolicyViolation), socket.Failure?.Message);
        return frame;
    }

    [Test]
    public async Task A_stolen_cookie_stops_working_at_once_when_the_owner_logs_out_of_other_sessions()
    {
        var (thief, owner, _) = await TwoSessionsAsync();
        using var _ = thief;
        using var __ = owner;
        await using var thiefsPage = await ChatSocket.ConnectAsync(App.BaseAddress, thief, room: null, name: "the thief's page");

        using (var ended = await owner.PostFormAsync("/profile/sessions"))
            Assert.That(ended.Headers.Location?.OriginalString, Is.EqualTo("/profile/settings"));

        using var thiefsNext = await thief.GetAsync("/profile");
        using var ownersNext = await owner.GetAsync("/profile");
        AccountSteps.AssertRedirectsToLogin(thiefsNext);
        Assert.That(ownersNext.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session that asked stays signed in");
        Assert.That(await SessionEndedAsync(thiefsPage), Does.Contain(SessionEnding.Ended));
    }

    [Test]
    public async Task A_password_change_ends_the_other_sessions_cookie_and_open_page_at_once()
    {
        var (thief, owner, user) = await TwoSessionsAsync();
        using var _ = thief;
        using var __ = owner;
        await using var thiefsRoom = await ChatSocket.ConnectAsync(App.BaseAddress, thief, ChatSteps.PublicRoom, name: "the thief's room page");

        using (var changed = await owner.PostFormAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "a brand new passphrase",
        }))
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        using var thiefsNext = await thief.GetAsync("/");
        AccountSteps.AssertRedirectsToLogin(thiefsNext);
        await SessionEndedAsync(thiefsRoom);
    }

    [Test]
    public async Task A_deleted_accounts_open_pages_are_told_and_closed()
    {
        var (web, user) = await App.SignedUpAsync("leaving");
        using var _ = web;
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "an open page");

        using (await web.PostFormAsync("/profile/delete")) { }

        Assert.That(await SessionEndedAsync(page), Does.Contain(SessionEnding.Deleted));
        Assert.That(await App.FindUserByEmailAsync(user.Email), Is.Null);
    }

    [Test]
    public async Task A_stamp_changed_behind_the_apps_back_closes_the_open_pages_within_the_check_interval()
    {
        var (web, user) = await App.SignedUpAsync("elsewhere");
        using var _ = web;
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "an open page");

        await App.QueryAsync(db => db.Users.Where(u => u.Email == user.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, Guid.NewGuid().ToString("N"))));

        await SessionEndedAsync(page);
    }

    [Test]
    public async Task A_user_locked_out_in_the_database_loses_their_open_pages_within_the_check_interval()
    {
        var (web, user) = await App.SignedUpAsync("locked");
        using var _ = web;
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "an open page");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RtChat.Web.Domain.AppUser>>();
            var locked = await users.FindByEmailAsync(user.Email) ?? throw new AssertionException("No user.");
            await users.SetLockoutEndDateAsync(locked, DateTimeOffset.UtcNow.AddHours(1));
        }

        await SessionEndedAsync(page);
    }

    [Test]
    public async Task An_unrevoked_sessions_page_stays_open_through_the_periodic_checks()
    {
        var (web, _) = await App.SignedUpAsync("steady");
        using var __ = web;
        await using var page = await ChatSocket.ConnectAsync(App.BaseAddress, web, room: null, name: "an open page");

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.That(page.Socket.State, Is.EqualTo(WebSocketState.Open), page.Failure?.Message);
    }
}
