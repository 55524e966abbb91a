using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Web.Media;
using RtChat.Web.Media.ImageMagick;

namespace RtChat.Web.Tests.Media;

public sealed class MagickLibraryTests
{
    [Test]
    public void ImageMagick_6_is_found_on_this_machine() =>
        Assert.That(MagickLibrary.Status, Has.Property("IsAvailable").True.And.Property("Description").StartsWith("ImageMagick 6."));

    [Test]
    public void Missing_library_is_reported_with_what_to_install()
    {
        var status = MagickLibrary.Probe(["libMagickWand-does-not-exist.so.1"]);

        Assert.That(status.IsAvailable, Is.False);
        Assert.That(status.Description, Does.Contain("libmagickwand-6.q16-6"));
    }

    [Test]
    public async Task Without_the_library_uploads_are_refused_with_a_clear_message_and_health_is_degraded()
    {
        using var images = new MagickImageProcessor(new MediaOptions(), NullLogger<MagickImageProcessor>.Instance,
            LibraryStatus.Missing("not installed in this test"));

        Assert.That(images.IsAvailable, Is.False);
        Assert.That(async () => await images.MakeAvatarAsync(TestImages.Encode("PNG", 10, 10, (_, _) => [1, 2, 3]), CancellationToken.None),
            Throws.TypeOf<ImageRejectedException>().With.Message.EqualTo("Image processing is unavailable right now; try again later."));
        var health = await new ImagesHealthCheck(images).CheckHealthAsync(new HealthCheckContext());
        Assert.That(health.Status, Is.EqualTo(HealthStatus.Degraded));
    }

    [Test]
    public async Task With_the_library_health_is_healthy()
    {
        using var images = new MagickImageProcessor(new MediaOptions(), NullLogger<MagickImageProcessor>.Instance);

        var health = await new ImagesHealthCheck(images).CheckHealthAsync(new HealthCheckContext());

        Assert.That(health.Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public void Resource_limits_follow_the_options()
    {
        using var images = new MagickImageProcessor(new MediaOptions(), NullLogger<MagickImageProcessor>.Instance);

        Assert.That(MagickLibrary.Limit(ResourceType.Width), Is.EqualTo(8193));
        Assert.That(MagickLibrary.Limit(ResourceType.Height), Is.EqualTo(8193));
        Assert.That(MagickLibrary.Limit(ResourceType.Area), Is.EqualTo(40_000_001));
        Assert.That(MagickLibrary.Limit(ResourceType.ListLength), Is.EqualTo(1000));
        Assert.That(MagickLibrary.Limit(ResourceType.Memory), Is.LessThanOrEqualTo(256 * 1024 * 1024));
        Assert.That(MagickLibrary.Limit(ResourceType.Time), Is.EqualTo(long.MaxValue), "IM6's time limit is process-wide and fatal: never set");
    }

    /// <summary>Named "MVG:", ImageMagick draws this text; named "PNG:", the PNG decoder refuses it.</summary>
    [Test]
    public void Named_decoder_is_never_second_guessed_from_the_content()
    {
        var mvg = Encoding.ASCII.GetBytes("push graphic-context\nviewbox 0 0 10 10\nfill red\nrectangle 0,0 9,9\npop graphic-context\n");
        using var wand = new MagickWand();
        wand.UseDecoder("PNG");

        Assert.That(() => wand.Read(mvg), Throws.TypeOf<MagickException>());
        Assert.That(wand.FrameCount, Is.Zero);
    }
}
