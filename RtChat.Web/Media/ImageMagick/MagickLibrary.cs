using ImageMagick;
using ImageMagick.Configuration;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>
/// Starts Magick.NET once per process under the app's security policy (<c>policy.xml</c>: only the JPEG, PNG, GIF and
/// WebP coders) and says whether it can be used and, if not, why. A library that cannot load, or that runs without our
/// policy, is a normal state (the app runs without uploads), never an exception at start.
/// </summary>
internal static class MagickLibrary
{
    private static readonly Lazy<LibraryStatus> Loaded = new(Start);
    private static readonly Lock LimitsLock = new();
    private static bool _limitsSet;

    /// <summary>Touch this before anything else in the process uses Magick.NET: the policy is read at its first use.</summary>
    public static LibraryStatus Status => Loaded.Value;

    /// <summary>
    /// Sets the process-wide ImageMagick limits, once (later calls are ignored: the limits are global to the library).
    /// ImageMagick 7 counts the time limit from each image's creation and fails only that image.
    /// </summary>
    public static void SetLimits(MediaOptions options)
    {
        lock (LimitsLock)
        {
            if (_limitsSet || !Status.IsAvailable)
                return;
            // ImageMagick refuses at the limit ("size < limit"), so one more than our largest allowed value.
            ResourceLimits.Width = (ulong)options.MaxSide + 1;
            ResourceLimits.Height = (ulong)options.MaxSide + 1;
            ResourceLimits.Area = (ulong)options.MaxPixels + 1;
            ResourceLimits.Memory = (ulong)options.ImageMemoryBytes;
            ResourceLimits.Disk = (ulong)options.ImageMemoryBytes * 4;
            // Frames of one image; we only ever read the first, so a long animation is refused rather than walked.
            ResourceLimits.ListLength = 1000;
            ResourceLimits.Time = (ulong)Math.Max(1, Math.Ceiling(options.ImageTimeout.TotalSeconds));
            _limitsSet = true;
        }
    }

    private static LibraryStatus Start()
    {
        try
        {
            var files = ConfigurationFiles.Default;
            files.Policy.Data = Policy();
            var folder = MagickNET.Initialize(files);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
            };
            return PolicyIsInForce()
                ? new LibraryStatus(true, $"{MagickNET.ImageMagickVersion} (Magick.NET {typeof(MagickNET).Assembly.GetName().Version})")
                : LibraryStatus.Missing("our ImageMagick policy is not in force (was Magick.NET used before it was installed?); it would decode any format.");
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            return LibraryStatus.Missing($"Magick.NET's native library could not be loaded: {e.GetBaseException().Message}");
        }
    }

    /// <summary>A coder outside the four is refused by the policy before it reads a byte, rather than failing to decode.</summary>
    private static bool PolicyIsInForce()
    {
        try
        {
            using var image = new MagickImage("BM"u8, new MagickReadSettings { Format = MagickFormat.Bmp });
            return false;
        }
        catch (MagickPolicyErrorException)
        {
            return true;
        }
        catch (MagickException)
        {
            return false;
        }
    }

    private static string Policy()
    {
        using var stream = typeof(MagickLibrary).Assembly.GetManifestResourceStream("RtChat.Web.Media.ImageMagick.policy.xml")
            ?? throw new InvalidOperationException("The ImageMagick policy is not embedded in the assembly.");
        return new StreamReader(stream).ReadToEnd();
    }
}

internal sealed record LibraryStatus(bool IsAvailable, string Description)
{
    public static LibraryStatus Missing(string why) => new(false, why);
}
