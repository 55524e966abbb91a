using System.Runtime.InteropServices;

namespace RtChat.Web.Media.ImageMagick;

/// <summary>A MagickWand*, destroyed exactly once however the work ends.</summary>
internal sealed class MagickWandHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        MagickNative.DestroyMagickWand(handle);
        return true;
    }
}
