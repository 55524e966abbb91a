using System.Net;
using System.Net.Http.Headers;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Media.Attachments;

/// <summary>
/// <c>/files/{key}</c>: a shared file is served only to who may read its room at that moment; everyone else gets 404,
/// whichever of its keys they ask for.
/// </summary>
public sealed class SharedFileAccessTests : AppFixture
{
    private static readonly Upload Photo = new("p.png", "image/png", TestImages.Encode("PNG", 500, 250, (x, _) => [(byte)x, 80, 160]));
    private static readonly Upload Notes = new("notes <b>.txt", "text/plain", "<html><script>alert(1)</script></html>"u8.ToArray());

    public enum Who { Anonymous, Outsider, Member, Removed }

    private sealed record Group(WebSession Admin, WebSession Member, WebSession Outsider, WebSession Removed, string Room) : IDisposable
    {
        public WebSession As(Who who) => who switch
        {
            Who.Member => Member,
            Who.Outsider => Outsider,
            Who.Removed => Removed,
            _ => throw new ArgumentOutOfRangeException(nameof(who)),
        };

        public void Dispose()
        {
            Admin.Dispose();
            Member.Dispose();
            Outsider.Dispose();
            Removed.Dispose();
        }
    }

    private async Task<Group> GroupAsync()
    {
        var (admin, _) = await App.SignedUpConfirmedAsync("admin");
        var (member, _) = await App.SignedUpConfirmedAsync("member");
        var (outsider, _) = await App.SignedUpConfirmedAsync("outsider");
        var (removed, removedUser) = await App.SignedUpConfirmedAsync("removed");
        var room = await admin.CreateGroupAsync();
        await member.JoinGroupAsync(App, room);
        await removed.JoinGroupAsync(App, room);
        await admin.ShareOkAsync(room, Photo, Notes);
        using (await admin.RemoveMemberAsync(App, room, removedUser)) { }
        return new Group(admin, member, outsider, removed, room);
    }

    [TestCase(Who.Anonymous, HttpStatusCode.NotFound)]
    [TestCase(Who.Outsider, HttpStatusCode.NotFound)]
    [TestCase(Who.Member, HttpStatusCode.OK)]
    [TestCase(Who.Removed, HttpStatusCode.NotFound)]
    public async Task Every_key_of_a_group_file_answers_by_who_asks(Who who, HttpStatusCode expected)
    {
        using var group = await GroupAsync();
        var keys = (await App.AttachmentsAsync(group.Room)).SelectMany(a => a.Attachment.FileKeys).ToList();
        using var anonymous = App.NewSession();
        var web = who == Who.Anonymous ? anonymous : group.As(who);

        var answers = new List<HttpStatusCode>();
        foreach (var key in keys)
        {
            using var response = await web.GetAsync("/files/" + key);
            answers.Add(response.StatusCode);
        }

        Assert.That(keys, Has.Count.EqualTo(3), "picture, thumbnail, file");
        Assert.That(answers, Is.All.EqualTo(expected));
    }

    [Test]
    public async Task A_public_room_file_is_served_to_anyone_signed_in_and_to_nobody_else()
    {
        var (web, _) = await App.SignedUpConfirmedAsync("public");
        var (other, _) = await App.SignedUpConfirmedAsync("reader");
        using var anonymous = App.NewSession();
        using (web)
        using (other)
        {
            await web.ShareOkAsync(null, Notes);
            var key = (await App.AttachmentsAsync(null)).Last().Attachment.FileKey;

            using var read = await other.GetAsync("/files/" + key);
            using var refused = await anonymous.GetAsync("/files/" + key);

            Assert.That((read.StatusCode, refused.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.NotFound)));
        }
    }

    [Test]
    public async Task A_file_downloads_under_its_shared_name_as_bytes_the_browser_does_not_sniff_nor_run()
    {
        using var group = await GroupAsync();
        var file = (await App.AttachmentsAsync(group.Room)).Single(a => !a.Attachment.IsImage).Attachment;

        using var response = await group.Member.GetAsync("/files/" + file.FileKey);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("notes <b>.txt"));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("sandbox"));
            Assert.That(response.Headers.CacheControl?.Private, Is.True);
            Assert.That(response.Headers.CacheControl?.Public, Is.False);
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(Notes.Content));
        }
    }

    [Test]
    public async Task A_picture_shows_inline_as_webp_and_a_repeat_with_its_etag_answers_304()
    {
        using var group = await GroupAsync();
        var picture = (await App.AttachmentsAsync(group.Room)).Single(a => a.Attachment.IsImage).Attachment;

        using var first = await group.Member.GetAsync("/files/" + picture.ThumbnailKey);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/files/" + picture.ThumbnailKey);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var repeat = await group.Member.SendAsync(again);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/webp"));
            Assert.That(first.Content.Headers.ContentDisposition, Is.Null, "inline");
            Assert.That(first.Headers.ETag, Is.Not.Null);
            Assert.That(repeat.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        }
    }

    [Test]
    public async Task A_range_request_gets_only_that_part()
    {
        using var group = await GroupAsync();
        var file = (await App.AttachmentsAsync(group.Room)).Single(a => !a.Attachment.IsImage).Attachment;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/files/" + file.FileKey);
        request.Headers.Range = new RangeHeaderValue(6, 13);

        using var response = await group.Member.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(Notes.Content[6..14]));
    }

    [TestCase("../../etc/passwd")]
    [TestCase("..%2F..%2Fetc%2Fpasswd")]
    [TestCase("0123456789abcdef0123456789abcdef.bin")]
    public async Task A_key_that_names_no_shared_file_is_404(string key)
    {
        var (web, _) = await App.SignedUpConfirmedAsync("guess");
        using (web)
        {
            using var response = await web.GetAsync("/files/" + key);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task A_shared_file_is_not_served_as_media()
    {
        using var group = await GroupAsync();
        var file = (await App.AttachmentsAsync(group.Room)).Single(a => !a.Attachment.IsImage).Attachment;

        using var asMedia = await group.Member.GetAsync("/media/" + file.FileKey);

        Assert.That(asMedia.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "shared files live apart from avatars");
    }
}
