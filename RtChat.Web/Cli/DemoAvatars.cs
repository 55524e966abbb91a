using ImageMagick;
using RtChat.Web.Media;

namespace RtChat.Web.Cli;

/// <summary>
/// A demo user's avatar: a coloured square with their initial, drawn from a small pixel font (no font files needed),
/// encoded as PNG and then put through the same pipeline as an uploaded avatar.
/// </summary>
internal static class DemoAvatars
{
    private const int Size = 128;
    private const int Cell = 12;

    // 5 × 7 glyphs, one string a row, '#' lit.
    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['A'] = [" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
        ['B'] = ["#### ", "#   #", "#   #", "#### ", "#   #", "#   #", "#### "],
        ['C'] = [" ####", "#    ", "#    ", "#    ", "#    ", "#    ", " ####"],
        ['D'] = ["#### ", "#   #", "#   #", "#   #", "#   #", "#   #", "#### "],
        ['E'] = ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####"],
    };

    /// <summary>The stored key of a new avatar, or null when the image library is not available here.</summary>
    public static async Task<string?> StoreAsync(IImageProcessor images, IFileStore files, char initial, (byte R, byte G, byte B) color,
        CancellationToken cancellationToken)
    {
        if (!images.IsAvailable) return null;
        var avatar = await images.MakeAvatarAsync(Png(initial, color), cancellationToken);
        return await files.SaveAsync(avatar.Bytes, avatar.Extension, cancellationToken);
    }

    private static byte[] Png(char initial, (byte R, byte G, byte B) color)
    {
        var glyph = Glyphs.GetValueOrDefault(char.ToUpperInvariant(initial), Glyphs['A']);
        var (left, top) = ((Size - 5 * Cell) / 2, (Size - 7 * Cell) / 2);
        var pixels = new byte[Size * Size * 3];
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
            {
                var (gx, gy) = ((x - left) / Cell, (y - top) / Cell);
                var lit = x >= left && y >= top && gx < 5 && gy < 7 && glyph[gy][gx] == '#';
                var at = (y * Size + x) * 3;
                (pixels[at], pixels[at + 1], pixels[at + 2]) = lit ? ((byte)255, (byte)255, (byte)255) : color;
            }
        using var image = new MagickImage(pixels, new PixelReadSettings(Size, Size, StorageType.Char, PixelMapping.RGB));
        image.Format = MagickFormat.Png;
        return image.ToByteArray();
    }
}
