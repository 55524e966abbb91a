using System.Runtime.InteropServices;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>
/// The libMagickWand functions we call, with ImageMagick 6 signatures (magick-image.h, magick-property.h).
/// <c>[DllImport]</c> rather than <c>[LibraryImport]</c>: the generated code needs unsafe blocks, which this project does not allow.
/// Every call goes through <see cref="MagickWand"/>; nothing else touches this class.
/// </summary>
internal static class MagickNative
{
    /// <summary>A logical name; <see cref="MagickLibrary"/> resolves it to the library it found.</summary>
    public const string Library = "RtChat.MagickWand";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int ProgressMonitor(IntPtr text, long offset, ulong span, IntPtr clientData);

    [DllImport(Library)] public static extern IntPtr MagickGetVersion(out nuint number);
    [DllImport(Library)] public static extern void MagickWandGenesis();
    [DllImport(Library)] public static extern int MagickSetResourceLimit(ResourceType type, ulong limit);
    [DllImport(Library)] public static extern ulong MagickGetResourceLimit(ResourceType type);

    [DllImport(Library)] public static extern MagickWandHandle NewMagickWand();
    [DllImport(Library)] public static extern IntPtr DestroyMagickWand(IntPtr wand);
    [DllImport(Library)] public static extern IntPtr MagickRelinquishMemory(IntPtr memory);
    [DllImport(Library)] public static extern IntPtr MagickGetException(MagickWandHandle wand, out ExceptionType severity);
    [DllImport(Library)] public static extern int MagickClearException(MagickWandHandle wand);
    [DllImport(Library)] public static extern IntPtr MagickSetProgressMonitor(MagickWandHandle wand, ProgressMonitor? monitor, IntPtr clientData);

    // MagickCore, reached through libMagickWand's own dependencies: coders record warnings on the image, not the wand.
    [DllImport(Library)] public static extern IntPtr GetImageFromMagickWand(MagickWandHandle wand);
    [DllImport(Library)] public static extern IntPtr AcquireExceptionInfo();
    [DllImport(Library)] public static extern IntPtr DestroyExceptionInfo(IntPtr exception);
    [DllImport(Library)] public static extern void GetImageException(IntPtr image, IntPtr exception);

    [DllImport(Library)] public static extern int MagickSetFormat(MagickWandHandle wand, [MarshalAs(UnmanagedType.LPUTF8Str)] string format);
    [DllImport(Library)] public static extern int MagickSetFilename(MagickWandHandle wand, [MarshalAs(UnmanagedType.LPUTF8Str)] string filename);
    [DllImport(Library)] public static extern int MagickSetOption(
        MagickWandHandle wand, [MarshalAs(UnmanagedType.LPUTF8Str)] string key, [MarshalAs(UnmanagedType.LPUTF8Str)] string value);
    [DllImport(Library)] public static extern int MagickPingImageBlob(MagickWandHandle wand, IntPtr blob, nuint length);
    [DllImport(Library)] public static extern int MagickReadImageBlob(MagickWandHandle wand, IntPtr blob, nuint length);

    [DllImport(Library)] public static extern nuint MagickGetNumberImages(MagickWandHandle wand);
    [DllImport(Library)] public static extern void MagickSetLastIterator(MagickWandHandle wand);
    [DllImport(Library)] public static extern void MagickSetFirstIterator(MagickWandHandle wand);
    [DllImport(Library)] public static extern int MagickRemoveImage(MagickWandHandle wand);
    [DllImport(Library)] public static extern nuint MagickGetImageWidth(MagickWandHandle wand);
    [DllImport(Library)] public static extern nuint MagickGetImageHeight(MagickWandHandle wand);

    [DllImport(Library)] public static extern int MagickAutoOrientImage(MagickWandHandle wand);
    [DllImport(Library)] public static extern int MagickCropImage(MagickWandHandle wand, nuint width, nuint height, nint x, nint y);
    [DllImport(Library)] public static extern int MagickSetImagePage(MagickWandHandle wand, nuint width, nuint height, nint x, nint y);
    [DllImport(Library)] public static extern int MagickResizeImage(MagickWandHandle wand, nuint columns, nuint rows, FilterType filter, double blur);
    [DllImport(Library)] public static extern int MagickTransformImageColorspace(MagickWandHandle wand, Colorspace colorspace);
    [DllImport(Library)] public static extern int MagickStripImage(MagickWandHandle wand);
    [DllImport(Library)] public static extern int MagickSetImageFormat(MagickWandHandle wand, [MarshalAs(UnmanagedType.LPUTF8Str)] string format);
    [DllImport(Library)] public static extern int MagickSetImageCompressionQuality(MagickWandHandle wand, nuint quality);
    [DllImport(Library)] public static extern IntPtr MagickGetImageBlob(MagickWandHandle wand, out nuint length);
}

/// <summary>ResourceType in magick/resource_.h (IM6).</summary>
internal enum ResourceType
{
    Area = 1,
    Disk = 2,
    File = 3,
    Map = 4,
    Memory = 5,
    Thread = 6,
    Time = 7,
    Throttle = 8,
    Width = 9,
    Height = 10,
    ListLength = 11,
}

/// <summary>ExceptionType in magick/exception.h: warnings from 300, errors from 400, fatal from 700.</summary>
internal enum ExceptionType
{
    Undefined = 0,
    Warning = 300,
    CorruptImageWarning = 325,
    Error = 400,
    ResourceLimitError = 400,
    CorruptImageError = 425,
    ImageError = 465,
    Fatal = 700,
}

/// <summary>FilterTypes in magick/resample.h (IM6).</summary>
internal enum FilterType
{
    Lanczos = 22,
}

/// <summary>ColorspaceType in magick/colorspace.h (IM6).</summary>
internal enum Colorspace
{
    SRgb = 13,
}
