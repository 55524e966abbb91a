namespace RtChat.Web.Media;

/// <summary>An upload refused for a reason the user can act on; <see cref="Exception.Message"/> is safe to show them.</summary>
public sealed class ImageRejectedException(string userMessage) : Exception(userMessage)
{
    public static ImageRejectedException NotAnImage() =>
        new("Only JPEG, PNG, GIF or WebP images are accepted.");

    public static ImageRejectedException TooManyPixels(MediaOptions options) =>
        new($"The image is too large: at most {options.MaxSide} pixels a side and {Megapixels(options.MaxPixels)} megapixels.");

    public static ImageRejectedException FileTooLarge(MediaOptions options) => new(FileTooLargeMessage(options.MaxUploadBytes));

    public static ImageRejectedException Damaged() =>
        new("The image could not be read; it may be damaged.");

    public static ImageRejectedException TookTooLong() =>
        new("The image took too long to process; try a smaller one.");

    public static ImageRejectedException Unavailable() =>
        new("Image processing is unavailable right now; try again later.");

    public static string FileTooLargeMessage(long maxBytes) => $"The file is larger than {Megabytes(maxBytes)} MB.";

    private static string Megapixels(long pixels) => (pixels / 1_000_000d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
