using System.Runtime.InteropServices;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>
/// One MagickWand: the few operations the pipeline needs, each checked; a failed call throws
/// <see cref="MagickException"/> with ImageMagick's message. Not thread-safe: one wand per job.
/// </summary>
internal sealed class MagickWand : IDisposable
{
    private readonly MagickWandHandle _handle;
    private MagickNative.ProgressMonitor? _monitor;

    public MagickWand()
    {
        _handle = MagickNative.NewMagickWand();
        if (_handle.IsInvalid)
            throw new InvalidOperationException("NewMagickWand returned null.");
    }

    public int Width => (int)MagickNative.MagickGetImageWidth(_handle);
    public int Height => (int)MagickNative.MagickGetImageHeight(_handle);
    public int FrameCount => (int)MagickNative.MagickGetNumberImages(_handle);

    /// <summary>
    /// Called as ImageMagick works (per row while decoding and resizing); returning false makes it stop.
    /// Runs on ImageMagick's threads: it must be quick and must not throw.
    /// </summary>
    public void OnProgress(Func<bool> proceed)
    {
        _monitor = (_, _, _, _) => proceed() ? 1 : 0;
        MagickNative.MagickSetProgressMonitor(_handle, _monitor, IntPtr.Zero);
    }

    /// <summary>
    /// Names the decoder and reads only the first frame. With the coder named ("JPEG:"), ImageMagick does not guess
    /// the format from the content, so MVG, MSL, SVG, PS or text can never be chosen by the bytes.
    /// </summary>
    public void UseDecoder(string coder)
    {
        Check(MagickNative.MagickSetFormat(_handle, coder), "MagickSetFormat");
        Check(MagickNative.MagickSetFilename(_handle, $"{coder}:upload[0]"), "MagickSetFilename");
    }

    public void SetOption(string key, string value) => Check(MagickNative.MagickSetOption(_handle, key, value), "MagickSetOption");

    /// <summary>Reads the header only: dimensions without decoding pixels.</summary>
    public void Ping(ReadOnlyMemory<byte> blob) => WithBlob(blob, (pointer, length) =>
        MagickNative.MagickPingImageBlob(_handle, pointer, length), "MagickPingImageBlob");

    public void Read(ReadOnlyMemory<byte> blob) => WithBlob(blob, (pointer, length) =>
        MagickNative.MagickReadImageBlob(_handle, pointer, length), "MagickReadImageBlob");

    /// <summary>
    /// The most severe warning recorded by a call that did not fail, or null. Coders record theirs on the images
    /// (e.g. libjpeg's "Premature end of JPEG file"), so those are gathered too.
    /// </summary>
    public MagickException? TakeWarning(string operation)
    {
        var (severity, detail) = TakeException();
        var (imageSeverity, imageDetail) = TakeImageException();
        if (imageSeverity > severity)
            (severity, detail) = (imageSeverity, imageDetail);
        return severity == ExceptionType.Undefined ? null : new MagickException(severity, operation, detail);
    }

    public void KeepFirstFrameOnly()
    {
        while (FrameCount > 1)
        {
            MagickNative.MagickSetLastIterator(_handle);
            Check(MagickNative.MagickRemoveImage(_handle), "MagickRemoveImage");
        }
        MagickNative.MagickSetFirstIterator(_handle);
    }

    public void AutoOrient() => Check(MagickNative.MagickAutoOrientImage(_handle), "MagickAutoOrientImage");

    public void Crop(int width, int height, int x, int y)
    {
        Check(MagickNative.MagickCropImage(_handle, (nuint)width, (nuint)height, x, y), "MagickCropImage");
        // Cropping keeps the offset in the virtual canvas; encoders would honour it.
        Check(MagickNative.MagickSetImagePage(_handle, (nuint)width, (nuint)height, 0, 0), "MagickSetImagePage");
    }

    public void Resize(int width, int height) =>
        Check(MagickNative.MagickResizeImage(_handle, (nuint)width, (nuint)height, FilterType.Lanczos, 1.0), "MagickResizeImage");

    public void ToSrgb() => Check(MagickNative.MagickTransformImageColorspace(_handle, Colorspace.SRgb), "MagickTransformImageColorspace");

    /// <summary>Removes every profile (EXIF, GPS, XMP, ICC, IPTC), comment and property.</summary>
    public void Strip() => Check(MagickNative.MagickStripImage(_handle), "MagickStripImage");

    public byte[] Encode(string coder, int quality)
    {
        // The wand's own format and "CODER:" file name (set for decoding) would otherwise pick the encoder.
        Check(MagickNative.MagickSetFormat(_handle, coder), "MagickSetFormat");
        Check(MagickNative.MagickSetFilename(_handle, $"{coder}:result"), "MagickSetFilename");
        Check(MagickNative.MagickSetImageFormat(_handle, coder), "MagickSetImageFormat");
        Check(MagickNative.MagickSetImageCompressionQuality(_handle, (nuint)quality), "MagickSetImageCompressionQuality");
        var blob = MagickNative.MagickGetImageBlob(_handle, out var length);
        if (blob == IntPtr.Zero)
            throw Failure("MagickGetImageBlob");
        try
        {
            var bytes = new byte[checked((int)length)];
            Marshal.Copy(blob, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            MagickNative.MagickRelinquishMemory(blob);
        }
    }

    public void Dispose()
    {
        _handle.Dispose();
        GC.KeepAlive(_monitor);
    }

    private void WithBlob(ReadOnlyMemory<byte> blob, Func<IntPtr, nuint, int> call, string operation)
    {
        // Pinning a managed array needs no unsafe code; memory not backed by an array is copied once.
        var segment = MemoryMarshal.TryGetArray(blob, out var array) ? array : new ArraySegment<byte>(blob.ToArray());
        var pin = GCHandle.Alloc(segment.Array, GCHandleType.Pinned);
        try
        {
            Check(call(pin.AddrOfPinnedObject() + segment.Offset, (nuint)segment.Count), operation);
        }
        finally
        {
            pin.Free();
        }
    }

    private void Check(int status, string operation)
    {
        if (status == 0)
            throw Failure(operation);
    }

    private MagickException Failure(string operation)
    {
        var (severity, detail) = TakeException();
        return new MagickException(severity, operation, severity == ExceptionType.Undefined ? "no reason given" : detail);
    }

    private (ExceptionType Severity, string Detail) TakeImageException()
    {
        MagickNative.MagickSetFirstIterator(_handle);
        var image = MagickNative.GetImageFromMagickWand(_handle);
        if (image == IntPtr.Zero)
            return (ExceptionType.Undefined, "");
        var exception = MagickNative.AcquireExceptionInfo();
        try
        {
            MagickNative.GetImageException(image, exception);
            // struct _ExceptionInfo (magick/exception.h): ExceptionType severity; int error_number; char *reason, *description; …
            var severity = (ExceptionType)Marshal.ReadInt32(exception);
            var reason = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(exception, 8));
            var description = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(exception, 8 + IntPtr.Size));
            return (severity, string.IsNullOrEmpty(description) ? reason ?? "" : $"{reason} ({description})");
        }
        finally
        {
            MagickNative.DestroyExceptionInfo(exception);
        }
    }

    private (ExceptionType Severity, string Detail) TakeException()
    {
        var text = MagickNative.MagickGetException(_handle, out var severity);
        try
        {
            return (severity, text == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(text) ?? "");
        }
        finally
        {
            if (text != IntPtr.Zero)
                MagickNative.MagickRelinquishMemory(text);
            MagickNative.MagickClearException(_handle);
        }
    }
}
