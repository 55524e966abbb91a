using System.Runtime.InteropServices;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>
/// Finds libMagickWand once per process, starts it, and says whether it can be used and, if not, why.
/// A missing library is a normal state (the app runs without uploads), never an exception at start.
/// </summary>
internal static class MagickLibrary
{
    /// <summary>Probed in order. IM7 is probed so that its presence is reported clearly rather than as "missing".</summary>
    public static readonly string[] Candidates =
    [
        "libMagickWand-6.Q16.so.6",
        "libMagickWand-6.Q16.so",
        "libMagickWand-7.Q16HDRI.so.10",
        "libMagickWand-7.Q16HDRI.so",
    ];

    private static readonly Lazy<LibraryStatus> Loaded = new(() => Probe(Candidates));
    private static readonly Lock LimitsLock = new();
    private static bool _limitsSet;

    public static LibraryStatus Status => Loaded.Value;

    /// <summary>
    /// Sets the process-wide ImageMagick limits, once (later calls are ignored: the limits are global to the library).
    /// No time limit: in ImageMagick 6 it counts from the first image of the process and is fatal (the process exits),
    /// so a per-image deadline is enforced through the progress monitor instead.
    /// </summary>
    public static void SetLimits(MediaOptions options)
    {
        lock (LimitsLock)
        {
            if (_limitsSet || !Status.IsAvailable)
                return;
            // ImageMagick refuses at the limit ("size < limit"), so one more than our largest allowed value.
            Set(ResourceType.Width, (ulong)options.MaxSide + 1);
            Set(ResourceType.Height, (ulong)options.MaxSide + 1);
            Set(ResourceType.Area, (ulong)options.MaxPixels + 1);
            Set(ResourceType.Memory, (ulong)options.ImageMemoryBytes);
            Set(ResourceType.Map, (ulong)options.ImageMemoryBytes * 2);
            Set(ResourceType.Disk, (ulong)options.ImageMemoryBytes * 4);
            // Frames of one image; we only ever read the first, so a long animation is refused rather than walked.
            Set(ResourceType.ListLength, 1000);
            _limitsSet = true;
        }
    }

    public static ulong Limit(ResourceType type) => MagickNative.MagickGetResourceLimit(type);

    private static void Set(ResourceType type, ulong limit) => MagickNative.MagickSetResourceLimit(type, limit);

    /// <summary>Loads the first of <paramref name="candidates"/> found, binds our imports to it and starts it.</summary>
    internal static LibraryStatus Probe(IReadOnlyList<string> candidates)
    {
        foreach (var name in candidates)
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
                continue;
            if (name.Contains("-7.", StringComparison.Ordinal))
            {
                NativeLibrary.Free(handle);
                return LibraryStatus.Missing($"{name} is ImageMagick 7, whose MagickWand signatures differ; only ImageMagick 6 is supported.");
            }
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(MagickNative).Assembly, (library, _, _) =>
                    library == MagickNative.Library ? handle : IntPtr.Zero);
            }
            catch (InvalidOperationException)
            {
                return LibraryStatus.Missing("another DllImport resolver is already set for this assembly; libMagickWand cannot be bound.");
            }
            var version = Marshal.PtrToStringUTF8(MagickNative.MagickGetVersion(out _)) ?? "";
            if (!version.StartsWith("ImageMagick 6.", StringComparison.Ordinal))
                return LibraryStatus.Missing($"{name} reports \"{version}\"; only ImageMagick 6 is supported.");
            MagickNative.MagickWandGenesis();
            return new LibraryStatus(true, $"{version} ({name})");
        }
        return LibraryStatus.Missing($"libMagickWand not found (tried {string.Join(", ", candidates)}); install libmagickwand-6.q16-6.");
    }
}

internal sealed record LibraryStatus(bool IsAvailable, string Description)
{
    public static LibraryStatus Missing(string why) => new(false, why);
}
