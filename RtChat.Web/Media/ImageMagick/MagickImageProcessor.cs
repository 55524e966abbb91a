using System.Diagnostics;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>
/// <see cref="IImageProcessor"/> over libMagickWand. Cheap checks first (size, magic bytes), then a header-only ping
/// for the pixel limits, then the decode with the coder named, off the request thread and a few at a time.
/// </summary>
public sealed class MagickImageProcessor : IImageProcessor, IDisposable
{
    private readonly MediaOptions _options;
    private readonly ILogger<MagickImageProcessor> _logger;
    private readonly SemaphoreSlim _gate;
    private readonly LibraryStatus _library;

    public MagickImageProcessor(MediaOptions options, ILogger<MagickImageProcessor> logger)
        : this(options, logger, MagickLibrary.Status)
    {
    }

    /// <param name="library">The probe's result; tests pass a missing one to see the app without ImageMagick.</param>
    internal MagickImageProcessor(MediaOptions options, ILogger<MagickImageProcessor> logger, LibraryStatus library)
    {
        _options = options;
        _logger = logger;
        _library = library;
        _gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentImages));
        if (!library.IsAvailable)
        {
            logger.LogWarning("Image processing is unavailable: {Reason}", library.Description);
            return;
        }
        MagickLibrary.SetLimits(options);
        logger.LogInformation("Image processing by {Library}; limits: width {Width}, height {Height}, area {Area}, memory {Memory}",
            library.Description, MagickLibrary.Limit(ResourceType.Width), MagickLibrary.Limit(ResourceType.Height),
            MagickLibrary.Limit(ResourceType.Area), MagickLibrary.Limit(ResourceType.Memory));
    }

    public bool IsAvailable => _library.IsAvailable;

    public async Task<ProcessedImage> MakeAvatarAsync(ReadOnlyMemory<byte> upload, CancellationToken ct)
    {
        if (upload.Length > _options.MaxUploadBytes)
            throw ImageRejectedException.FileTooLarge(_options);
        var format = ImageSniffer.Detect(upload.Span) ?? throw ImageRejectedException.NotAnImage();
        if (ImageHeader.ClaimedSize(upload.Span, format) is { } claimed && IsOverLimits(claimed.Width, claimed.Height))
            throw ImageRejectedException.TooManyPixels(_options);
        if (!IsAvailable)
            throw ImageRejectedException.Unavailable();
        await _gate.WaitAsync(ct);
        try
        {
            return await Task.Run(() => MakeAvatar(upload, format, ct), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private ProcessedImage MakeAvatar(ReadOnlyMemory<byte> upload, ImageFormat format, CancellationToken ct)
    {
        var coder = CoderOf(format);
        CheckDimensions(upload, coder);

        var clock = Stopwatch.StartNew();
        var timedOut = false;
        using var wand = new MagickWand();
        wand.OnProgress(() =>
        {
            if (clock.Elapsed > _options.ImageTimeout)
                timedOut = true;
            return !timedOut && !ct.IsCancellationRequested;
        });
        wand.UseDecoder(coder);
        if (format == ImageFormat.Jpeg)
        {
            // libjpeg then decodes at 1/2..1/8 scale, no smaller than this: a 12 MP photo costs a fraction of its full size.
            var hint = _options.AvatarSize * 2;
            wand.SetOption("jpeg:size", $"{hint}x{hint}");
        }
        try
        {
            wand.Read(upload);
            ThrowIfStopped(timedOut, ct);
            ThrowIfUnreadable(wand, "MagickReadImageBlob");

            wand.KeepFirstFrameOnly();
            // Scale first, so no full-size copy is ever made; then crop the centre square and turn it upright:
            // turning a centred square gives the centred square of the turned image.
            var size = _options.AvatarSize;
            var (width, height) = (wand.Width, wand.Height);
            var scale = (double)size / Math.Min(width, height);
            wand.Resize(Math.Max(size, (int)Math.Round(width * scale)), Math.Max(size, (int)Math.Round(height * scale)));
            wand.Crop(size, size, (wand.Width - size) / 2, (wand.Height - size) / 2);
            wand.AutoOrient();
            wand.ToSrgb();
            wand.Strip();
            var bytes = wand.Encode("WEBP", _options.WebpQuality);
            ThrowIfStopped(timedOut, ct);
            return new ProcessedImage(bytes, "image/webp", wand.Width, wand.Height);
        }
        catch (MagickException e)
        {
            ThrowIfStopped(timedOut, ct);
            _logger.LogWarning(e, "Refused a {Format} upload of {Bytes} bytes", format, upload.Length);
            throw e.Severity == ExceptionType.ResourceLimitError ? ImageRejectedException.Unavailable() : ImageRejectedException.Damaged();
        }
    }

    /// <summary>Reads the header only and refuses images over the pixel limits before any pixel is decoded.</summary>
    private void CheckDimensions(ReadOnlyMemory<byte> upload, string coder)
    {
        using var ping = new MagickWand();
        ping.UseDecoder(coder);
        try
        {
            ping.Ping(upload);
            ThrowIfUnreadable(ping, "MagickPingImageBlob");
        }
        catch (MagickException e)
        {
            _logger.LogWarning(e, "Refused a {Coder} upload of {Bytes} bytes at the header", coder, upload.Length);
            throw ImageRejectedException.Damaged();
        }
        if (IsOverLimits(ping.Width, ping.Height))
        {
            _logger.LogInformation("Refused a {Width}x{Height} {Coder} upload", ping.Width, ping.Height, coder);
            throw ImageRejectedException.TooManyPixels(_options);
        }
    }

    private bool IsOverLimits(long width, long height) =>
        width > _options.MaxSide || height > _options.MaxSide || width * height > _options.MaxPixels;

    /// <summary>
    /// Coders report many failures as a "successful" read with a warning (a truncated JPEG: grey where data was missing)
    /// or with an error recorded on an empty image. Both mean the file is damaged.
    /// </summary>
    private static void ThrowIfUnreadable(MagickWand wand, string operation)
    {
        if (wand.TakeWarning(operation) is { Severity: ExceptionType.CorruptImageWarning or >= ExceptionType.Error } problem)
            throw problem;
        if (wand.FrameCount == 0 || wand.Width == 0 || wand.Height == 0)
            throw new MagickException(ExceptionType.Undefined, operation, "no image in the file");
    }

    private static void ThrowIfStopped(bool timedOut, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (timedOut)
            throw ImageRejectedException.TookTooLong();
    }

    private static string CoderOf(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.Png => "PNG",
        ImageFormat.Gif => "GIF",
        ImageFormat.WebP => "WEBP",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
