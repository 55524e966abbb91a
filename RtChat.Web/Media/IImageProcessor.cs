namespace RtChat.Web.Media;

/// <summary>Turns untrusted uploads into images we store. The only door to the image library.</summary>
public interface IImageProcessor
{
    /// <summary>False when the image library could not be loaded: uploads are refused, the rest of the app works.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// A square WebP avatar (<see cref="MediaOptions.AvatarSize"/> a side), auto-oriented, first frame only, metadata stripped.
    /// </summary>
    /// <exception cref="ImageRejectedException">The upload is refused; its message is for the user.</exception>
    Task<ProcessedImage> MakeAvatarAsync(ReadOnlyMemory<byte> upload, CancellationToken ct);

    /// <summary>
    /// A chat picture: WebP at most <see cref="MediaOptions.ChatImageMaxSide"/> on its longest side and a thumbnail within
    /// <see cref="MediaOptions.ThumbnailSide"/>, both auto-oriented, first frame only, metadata stripped.
    /// </summary>
    /// <exception cref="ImageRejectedException">The upload is refused; its message is for the user.</exception>
    Task<ChatPicture> MakeChatPictureAsync(ReadOnlyMemory<byte> upload, CancellationToken ct);
}

/// <param name="WasAnimated">The upload was an animated GIF; the picture is its first frame.</param>
public sealed record ChatPicture(ProcessedImage Full, ProcessedImage Thumbnail, bool WasAnimated);

public sealed record ProcessedImage(byte[] Bytes, string ContentType, int Width, int Height)
{
    /// <summary>The file extension matching <see cref="ContentType"/>, for <see cref="IFileStore.SaveAsync"/>.</summary>
    public string Extension => MediaTypes.ExtensionOf(ContentType);
}
