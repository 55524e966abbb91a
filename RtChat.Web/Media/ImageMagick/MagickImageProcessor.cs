using ImageMagick;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>
/// <see cref="IImageProcessor"/> over Magick.NET. Cheap checks first (size, magic bytes, the header's claim), then a
/// ping for the pixel limits, then the decode with the coder named, off the request thread and a few at a time.
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

    /// <param name="library">The start's result; tests pass a missing one to see the app without ImageMagick.</param>
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
        logger.LogInformation("Image processing by {Library}; limits: width {Width}, height {Height}, area {Area}, memory {Memory}, time {Time} s",
            library.Description, ResourceLimits.Width, ResourceLimits.Height, ResourceLimits.Area, ResourceLimits.Memory, ResourceLimits.Time);
    }

    public bool IsAvailable => _library.IsAvailable;

    public Task<ProcessedImage> MakeAvatarAsync(ReadOnlyMemory<byte> upload, CancellationToken ct)
    {
        var size = (uint)_options.AvatarSize;
        // The square is cut from the smaller side, which need be no larger than the avatar.
        return ProcessAsync(upload, (width, height) => (double)size / Math.Min(width, height), image => new ProcessedImage(AvatarShape.Apply(image, size, _options.WebpQuality), "image/webp", (int)size, (int)size), ct);
    }

    public async Task<ChatPicture> MakeChatPictureAsync(ReadOnlyMemory<byte> upload, CancellationToken ct)
    {
        var (full, thumbnail) = await ProcessAsync(upload, (width, height) => (double)_options.ChatImageMaxSide / Math.Max(width, height),
            image => PictureShape.Apply(image, (uint)_options.ChatImageMaxSide, (uint)_options.ThumbnailSide, _options.WebpQuality), ct);
        return new ChatPicture(full, thumbnail, GifFrames.IsAnimated(upload.Span));
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Cheap checks on the request thread, then the decode and <paramref name="shape"/> off it, a few images at a time.</summary>
    /// <param name="scaleNeeded">The smallest scale of the image (from its size) the shape still needs; below 1 a JPEG is decoded smaller.</param>
    private async Task<T> ProcessAsync<T>(ReadOnlyMemory<byte> upload, Func<uint, uint, double> scaleNeeded, Func<MagickImage, T> shape, CancellationToken ct)
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
            return await Task.Run(() => Process(upload, format, scaleNeeded, shape, ct), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private T Process<T>(ReadOnlyMemory<byte> upload, ImageFormat format, Func<uint, uint, double> scaleNeeded, Func<MagickImage, T> shape,
        CancellationToken ct)
    {
        var (width, height) = CheckDimensions(upload, format);
        var decodeAtLeast = JpegScale(width, height, scaleNeeded(width, height));
        var deadline = new Deadline(_options.ImageTimeout, ct);
        try
        {
            using var image = MagickReading.Read(upload.Span, format, decodeAtLeast);
            deadline.ThrowIfStopped();
            image.Progress += (_, e) => e.Cancel = deadline.IsStopped;
            var result = shape(image);
            deadline.ThrowIfStopped();
            return result;
        }
        catch (MagickException e)
        {
            deadline.ThrowIfStopped();
            _logger.LogWarning(e, "Refused a {Format} upload of {Bytes} bytes", format, upload.Length);
            throw e is MagickResourceLimitErrorException ? ImageRejectedException.Unavailable() : ImageRejectedException.Damaged();
        }
    }

    /// <summary>Reads the header only and refuses images over the pixel limits before any pixel is decoded.</summary>
    private (uint Width, uint Height) CheckDimensions(ReadOnlyMemory<byte> upload, ImageFormat format)
    {
        uint width, height;
        try
        {
            (width, height) = MagickReading.Ping(upload.Span, format);
        }
        catch (MagickException e)
        {
            _logger.LogWarning(e, "Refused a {Format} upload of {Bytes} bytes at the header", format, upload.Length);
            throw ImageRejectedException.Damaged();
        }
        if (width == 0 || height == 0)
            throw ImageRejectedException.Damaged();
        if (IsOverLimits(width, height))
        {
            _logger.LogInformation("Refused a {Width}x{Height} {Format} upload", width, height, format);
            throw ImageRejectedException.TooManyPixels(_options);
        }
        return (width, height);
    }

    /// <summary>
    /// The size to ask libjpeg for: it decodes at n/8 scale, n the nearest to what is asked, so the ask is the image at
    /// the first eighth at or above <paramref name="scale"/>, exactly; none when that is the whole image.
    /// </summary>
    private static (uint Width, uint Height)? JpegScale(uint width, uint height, double scale)
    {
        var eighths = (int)Math.Ceiling(scale * 8 - 1e-9);
        return eighths >= 8 ? null : ((uint)Math.Ceiling(width * Math.Max(1, eighths) / 8.0), (uint)Math.Ceiling(height * Math.Max(1, eighths) / 8.0));
    }

    private bool IsOverLimits(long width, long height) =>
        width > _options.MaxSide || height > _options.MaxSide || width * height > _options.MaxPixels;
}
