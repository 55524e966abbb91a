using System.Net;
using Microsoft.EntityFrameworkCore;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>
/// Naming another user in a form, to change their profile or speak as them. Nothing in a form says whose: it is always the
/// signed-in user's. (Messages cannot be edited or deleted; rooms: <c>ChatAccessMatrixTests</c>.)
/// </summary>
public sealed class ImpersonationAttacksTests : AppFixture
{
    [Test]
    public async Task Naming_another_user_in_the_profile_form_changes_only_your_own_profile()
    {
        using var people = await App.TwoPeopleAsync();
        var (attacker, victim, victimUser) = (people.AliceWeb, people.BobWeb, people.Bob);
        var victimId = await App.UserIdAsync(victimUser);
        var page = await attacker.GetPageAsync(ProfileSteps.EditPath + "?userId=" + victimId + "&username=" + victimUser.Username);

        using var saved = await attacker.SubmitMultipartAsync(page, null, new Dictionary<string, string?>
        {
            ["DisplayName"] = "Hijacked", ["Info"] = "Hijacked", ["UserId"] = victimId, ["Profile.UserId"] = victimId,
            ["Username"] = victimUser.Username,
        });

        var victimsProfile = await victim.GetPageAsync("/u/" + victimUser.Username);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(victimsProfile.TestId("display-name")?.TextContent, Is.EqualTo(victimUser.Username), "the victim's name is untouched");
            Assert.That(victimsProfile.TestId("info"), Is.Null, "the victim's info is untouched");
            Assert.That((await attacker.GetPageAsync("/profile")).TestId("display-name")?.TextContent, Is.EqualTo("Hijacked"));
        }
    }

    [Test]
    public async Task Naming_another_author_in_a_message_post_stores_it_as_your_own()
    {
        using var people = await App.TwoPeopleAsync();
        var (attackerUser, victimUser) = (people.Alice, people.Bob);
        var victimId = await App.UserIdAsync(victimUser);
        var composer = await people.AliceWeb.OpenComposerAsync();
        var body = $"Said by {attackerUser.Username}, signed {victimUser.Username}";

        using var sent = await composer.PostAsync(body, fields: new Dictionary<string, string?> { ["AuthorId"] = victimId, ["UserId"] = victimId });

        var authorId = await App.QueryAsync(db => db.Messages.Where(m => m.Body == body).Select(m => m.AuthorId).SingleAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(authorId, Is.EqualTo(await App.UserIdAsync(attackerUser)));
        }
    }
}
