using System.Text;
using ImageMagick;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using RtChat.Web.Media;
using RtChat.Web.Media.ImageMagick;

namespace RtChat.Web.Tests.Media;

public sealed class MagickLibraryTests
{
    [Test]
    public void ImageMagick_7_loads_from_the_package_with_our_policy() =>
        Assert.That(MagickLibrary.Status, Has.Property("IsAvailable").True.And.Property("Description").StartsWith("ImageMagick 7."));

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

        Assert.That(ResourceLimits.Width, Is.EqualTo(8193));
        Assert.That(ResourceLimits.Height, Is.EqualTo(8193));
        Assert.That(ResourceLimits.Area, Is.EqualTo(40_000_001));
        Assert.That(ResourceLimits.ListLength, Is.EqualTo(1000));
        Assert.That(ResourceLimits.Memory, Is.LessThanOrEqualTo(256 * 1024 * 1024));
        Assert.That(ResourceLimits.Time, Is.EqualTo(20), "seconds an image may live (ImageMagick 7: per image, not per process)");
    }

    /// <summary>Named "MVG:", ImageMagick draws this text; named "PNG:", the PNG decoder refuses it.</summary>
    [Test]
    public void Named_decoder_is_never_second_guessed_from_the_content()
    {
        var mvg = Encoding.ASCII.GetBytes("push graphic-context\nviewbox 0 0 10 10\nfill red\nrectangle 0,0 9,9\npop graphic-context\n");

        Assert.That(() => new MagickImage(mvg, new MagickReadSettings { Format = MagickFormat.Png }), Throws.InstanceOf<MagickErrorException>());
    }
}
