using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Data;
using RtChat.Web.Pages.Profile;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Data;

/// <summary>Cached reads (users' cards here) are forgotten when a change to them commits, and not before.</summary>
public sealed class CachedReadsTests : AppFixture
{
    private async Task<UserCard?> CardAsync(string userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await App.Services.GetRequiredService<UserCards>().GetAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), userId);
    }

    [Test]
    public async Task A_profile_change_saved_in_a_transaction_shows_once_the_transaction_commits()
    {
        var (web, user) = await App.SignedUpAsync("cards");
        web.Dispose();
        var id = await App.UserIdAsync(user);
        Assert.That((await CardAsync(id))!.Name, Is.EqualTo(user.Username), "read and kept");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var profile = await db.Profiles.SingleAsync(p => p.UserId == id);
        profile.Describe("Renamed", null);
        await db.SaveChangesAsync();
        var duringTransaction = await CardAsync(id);
        await transaction.CommitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(duringTransaction!.Name, Is.EqualTo(user.Username), "uncommitted: others still read the old name");
            Assert.That((await CardAsync(id))!.Name, Is.EqualTo("Renamed"), "committed: the old card, read meanwhile, is not kept");
        }
    }

    [Test]
    public async Task A_deleted_account_has_no_card()
    {
        var (web, user) = await App.SignedUpAsync("cards");
        web.Dispose();
        var id = await App.UserIdAsync(user);
        Assert.That(await CardAsync(id), Is.Not.Null, "read and kept");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var deleted = await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteAsync(await db.Users.SingleAsync(u => u.Id == id));
            Assert.That(deleted.Succeeded, Is.True);
        }

        Assert.That(await CardAsync(id), Is.Null);
    }
}
