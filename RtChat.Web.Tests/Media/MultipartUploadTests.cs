using System.Net.Http.Headers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RtChat.Web.Media;

namespace RtChat.Web.Tests.Media;

public sealed class MultipartUploadTests
{
    private const long Limit = 1024 * 1024;

    [Test]
    public async Task Fields_and_the_named_file_are_read()
    {
        var png = TestImages.Encode("PNG", 20, 20, (_, _) => [1, 2, 3]);
        var request = await RequestAsync(
            ("displayName", "Ada ✨"), ("info", "Line one\nline two"),
            File("avatar", "../../me.png", png, "image/png"));

        var form = await MultipartUpload.ReadAsync(request, "avatar", Limit, CancellationToken.None);

        Assert.That(form.Error, Is.Null);
        Assert.That((form["displayName"], form["info"]), Is.EqualTo(("Ada ✨", "Line one\nline two")));
        Assert.That(form.File, Is.Not.Null);
        Assert.That((form.File!.FileName, form.File.ContentType, form.File.Length), Is.EqualTo(("me.png", "image/png", png.Length)));
        Assert.That(form.File.Content.ToArray(), Is.EqualTo(png));
    }

    [Test]
    public async Task File_over_the_limit_is_reported_too_large_with_the_typed_text_kept()
    {
        var tempFiles = AspNetTempFiles();
        var request = await RequestAsync(
            ("displayName", "Ada"), File("avatar", "big.jpg", new byte[Limit + 1], "image/jpeg"), ("info", "typed after the file"));
        var body = (CountingStream)request.Body;

        var form = await MultipartUpload.ReadAsync(request, "avatar", Limit, CancellationToken.None);

        Assert.That(form.TooLarge, Is.True);
        Assert.That(form.Error, Is.EqualTo("The file is larger than 1 MB."));
        Assert.That(form.File, Is.Null);
        Assert.That((form["displayName"], form["info"]), Is.EqualTo(("Ada", "typed after the file")));
        Assert.That(body.Position, Is.EqualTo(body.Length), "the rest of the body was drained");
        Assert.That(AspNetTempFiles(), Is.EquivalentTo(tempFiles), "no temp file was written");
    }

    [Test]
    public async Task File_at_the_limit_is_kept()
    {
        var request = await RequestAsync(File("avatar", "max.jpg", new byte[Limit], "image/jpeg"));

        var form = await MultipartUpload.ReadAsync(request, "avatar", Limit, CancellationToken.None);

        Assert.That((form.Error, form.File?.Length), Is.EqualTo(((string?)null, Limit)));
    }

    [Test]
    public async Task Empty_file_input_means_no_file()
    {
        var request = await RequestAsync(("displayName", "Ada"), File("avatar", "", [], "application/octet-stream"));

        var form = await MultipartUpload.ReadAsync(request, "avatar", Limit, CancellationToken.None);

        Assert.That((form.Error, form.File, form["displayName"]), Is.EqualTo(((string?)null, (UploadedFile?)null, "Ada")));
    }

    [Test]
    public async Task Other_file_fields_are_ignored()
    {
        var request = await RequestAsync(File("other", "x.png", [1, 2, 3], "image/png"), File("avatar", "a.png", [4, 5], "image/png"));

        var form = await MultipartUpload.ReadAsync(request, "avatar", Limit, CancellationToken.None);

        Assert.That(form.File?.Content.ToArray(), Is.EqualTo(new byte[] { 4, 5 }));
    }

    [Test]
    public async Task Overlong_field_is_an_error()
    {
        var request = await RequestAsync(("info", new string('x', MultipartUpload.MaxFieldChars + 1)));

        var form = await MultipartUpload.ReadAsync(request, "avatar", Limit, CancellationToken.None);

        Assert.That(form.Error, Does.Contain("longer than"));
    }

    [Test]
    public async Task Non_multipart_body_is_an_error()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream("{}"u8.ToArray());

        var form = await MultipartUpload.ReadAsync(context.Request, "avatar", Limit, CancellationToken.None);

        Assert.That(form.Error, Is.Not.Null);
    }

    [Test]
    public async Task Cut_off_body_is_an_error()
    {
        var request = await RequestAsync(("displayName", "Ada"), File("avatar", "a.png", new byte[1000], "image/png"));
        var bytes = ((CountingStream)request.Body).ToArray();
        request.Body = new CountingStream(bytes[..600]);

        var form = await MultipartUpload.ReadAsync(request, "avatar", Limit, CancellationToken.None);

        Assert.That((form.Error, form.File), Is.EqualTo(("The form could not be read.", (UploadedFile?)null)));
    }

    [Test]
    public async Task Form_already_read_by_someone_else_is_used_as_is()
    {
        var request = await RequestAsync(("displayName", "Ada"), File("avatar", "a.png", [7, 8, 9], "image/png"));
        await request.ReadFormAsync();

        var form = await MultipartUpload.ReadAsync(request, "avatar", Limit, CancellationToken.None);

        Assert.That((form["displayName"], form.File?.Content.ToArray()), Is.EqualTo(("Ada", new byte[] { 7, 8, 9 })));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Antiforgery_token_sent_as_a_field_is_checked_after_the_streaming_read(bool genuine)
    {
        var services = new ServiceCollection().AddLogging().AddDataProtection().Services
            .AddAntiforgery(o => o.HeaderName = "RequestVerificationToken").BuildServiceProvider();
        var antiforgery = services.GetRequiredService<IAntiforgery>();
        var tokens = antiforgery.GetAndStoreTokens(new DefaultHttpContext { RequestServices = services });
        var request = await RequestAsync(
            ("displayName", "Ada"), (tokens.FormFieldName, genuine ? tokens.RequestToken! : "forged"), File("avatar", "a.png", [1], "image/png"));
        request.HttpContext.RequestServices = services;
        request.Headers.Cookie = $"{services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name}={tokens.CookieToken}";

        var form = await MultipartUpload.ReadAsync(request, "avatar", Limit, CancellationToken.None);

        Assert.That(await StreamedFormAntiforgery.IsValidAsync(request.HttpContext, form), Is.EqualTo(genuine));
    }

    private static (string Name, HttpContent Content, string? FileName) File(string name, string fileName, byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return (name, content, fileName);
    }

    private static async Task<HttpRequest> RequestAsync(params object[] parts)
    {
        using var multipart = new MultipartFormDataContent("----rtchat-test-boundary");
        foreach (var part in parts)
        {
            switch (part)
            {
                case (string name, string value):
                    multipart.Add(new StringContent(value), name);
                    break;
                case (string name, HttpContent content, ""):
                    // What a browser sends for a file input left empty.
                    content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"", FileName = "\"\"" };
                    multipart.Add(content);
                    break;
                case (string name, HttpContent content, string fileName):
                    multipart.Add(content, name, fileName);
                    break;
            }
        }
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = multipart.Headers.ContentType!.ToString();
        context.Request.Body = new CountingStream(await multipart.ReadAsByteArrayAsync());
        return context.Request;
    }

    private static List<string> AspNetTempFiles() =>
        Directory.EnumerateFiles(Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") ?? Path.GetTempPath(), "ASPNETCORE_*").ToList();

    /// <summary>A request body that can only be read forward, as from the network.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
