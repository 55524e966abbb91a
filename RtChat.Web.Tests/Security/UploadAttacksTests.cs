using System.Net;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>
/// Uploads sent to exhaust the server: a forged one (no valid token) is refused before its file is read, so no page
/// elsewhere can make the server take in 10 MB a request. The body is held after its first part: the answer comes
/// while it is held, or the server was waiting for the file.
/// </summary>
public sealed class UploadAttacksTests : AppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [TestCase("/?handler=Upload", "Files")]
    [TestCase("/profile/edit", "Avatar")]
    public async Task A_forged_upload_is_refused_before_its_file_is_read(string url, string fileField)
    {
        var (web, _) = await App.SignedUpConfirmedAsync("forger");
        using (web)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new MultipartFormDataContent
                {
                    { new StringContent("forged-token"), RoomSteps.TokenField },
                    { new ByteArrayContent(new byte[4 * 1024 * 1024]), fileField, "big.bin" },
                },
            };

            var status = await HeldRequest.StatusWhileHeldAsync(web, request, sentFirst: 64 * 1024, Patience);

            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), "answered while 4 MB of the file were still unsent");
        }
    }
}
