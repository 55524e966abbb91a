using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Data;
using RtChat.Web.Domain;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Domain;

/// <summary>
/// Every user has a profile: the <see cref="UserCreated"/> handler adds it inside the SaveChanges that inserts the user,
/// so both rows are written in one transaction, and neither is when either fails.
/// </summary>
public sealed class UserCreationTests : AppFixture
{
    /// <summary>Users whose name starts with this make <see cref="ThrowingHandler"/> fail.</summary>
    private const string DoomedPrefix = "doomed";

    /// <summary>Users whose name starts with this have their profile insert refused by a database trigger.</summary>
    private const string RefusedPrefix = "refused";

    /// <summary>A second <see cref="UserCreated"/> handler, run after the one that adds the profile, that fails for some users.</summary>
    private sealed class ThrowingHandler : IDomainEventHandler<UserCreated>
    {
        public Task HandleAsync(UserCreated domainEvent, AppDbContext db, CancellationToken cancellationToken) =>
            domainEvent.User.UserName!.StartsWith(DoomedPrefix, StringComparison.Ordinal)
                ? throw new InvalidOperationException("A UserCreated handler failed (on purpose, in a test).")
                : Task.CompletedTask;
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IDomainEventHandler<UserCreated>, ThrowingHandler>();

    private Task<bool> UserExistsAsync(string username) =>
        App.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == username));

    private Task<Profile?> ProfileOfAsync(string username) =>
        App.QueryAsync(db => db.Profiles.AsNoTracking().Include(p => p.User).SingleOrDefaultAsync(p => p.User.UserName == username));

    private async Task<IdentityResult> CreateWithUserManagerAsync(TestUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CreateAsync(new AppUser(user.Username, user.Email), user.Password);
    }

    [Test]
    public async Task A_user_created_through_the_UserManager_has_a_profile_named_after_them()
    {
        var user = TestUser.Create();

        var created = await CreateWithUserManagerAsync(user);

        var profile = await ProfileOfAsync(user.Username);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.Succeeded, Is.True, string.Join(", ", created.Errors.Select(e => e.Description)));
            Assert.That(profile, Is.Not.Null);
            Assert.That(profile?.Name, Is.EqualTo(user.Username), "no display name yet: the username");
            Assert.That(profile?.AvatarUrl, Is.EqualTo(RtChat.Web.Domain.Profile.DefaultAvatarUrl));
        }
    }

    [Test]
    public async Task A_user_who_signs_up_has_a_profile()
    {
        var user = TestUser.Create();
        using var web = App.NewSession();

        await web.RegisterAsync(user);

        Assert.That(await ProfileOfAsync(user.Username), Is.Not.Null);
    }

    [Test]
    public async Task The_user_and_the_profile_are_written_by_one_SaveChanges()
    {
        var user = TestUser.Create();

        var written = await App.QueryAsync(async db =>
        {
            db.Users.Add(new AppUser(user.Username, user.Email));
            return await db.SaveChangesAsync();
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(written, Is.EqualTo(2), "one SaveChanges wrote the user and the profile");
            Assert.That(await ProfileOfAsync(user.Username), Is.Not.Null);
        }
    }

    [Test]
    public async Task When_the_database_refuses_the_profile_the_user_is_not_saved_either()
    {
        // The user row is inserted first (the profile references it), so only a shared transaction can take it back.
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync($"""
            CREATE TRIGGER IF NOT EXISTS refuse_test_profiles BEFORE INSERT ON Profiles
            WHEN (SELECT UserName FROM AspNetUsers WHERE Id = NEW.UserId) LIKE '{RefusedPrefix}%'
            BEGIN SELECT RAISE(ABORT, 'profile refused by the test'); END;
            """));
        var user = TestUser.Create(RefusedPrefix);

        var failure = Assert.ThrowsAsync<DbUpdateException>(() => CreateWithUserManagerAsync(user));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure?.InnerException?.Message, Does.Contain("profile refused by the test"), "the insert that failed is the profile's");
            Assert.That(await UserExistsAsync(user.Username), Is.False, "no user without a profile");
            Assert.That(await ProfileOfAsync(user.Username), Is.Null);
        }
    }

    [Test]
    public async Task When_a_UserCreated_handler_fails_neither_the_user_nor_the_profile_is_saved()
    {
        var user = TestUser.Create(DoomedPrefix);

        Assert.ThrowsAsync<InvalidOperationException>(() => CreateWithUserManagerAsync(user));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await UserExistsAsync(user.Username), Is.False);
            Assert.That(await App.QueryAsync(db => db.Profiles.CountAsync(p => p.User.UserName == user.Username)), Is.Zero);
        }
    }

    [Test]
    public async Task Signing_up_when_the_profile_cannot_be_saved_creates_no_account()
    {
        var user = TestUser.Create(DoomedPrefix);
        using var web = App.NewSession();

        using var response = await web.PostRegisterAsync(user.Email, user.Username, user.Password);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(500), "the error page, not a half-made account");
            Assert.That(web.IsSignedIn, Is.False);
            Assert.That(await UserExistsAsync(user.Username), Is.False);
        }
    }
}
