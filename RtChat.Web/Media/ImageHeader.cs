using System.Buffers.Binary;

namespace RtChat.Web.Media;

/// <summary>
/// The dimensions a file's header claims, read without a decoder. The image library's ping is the authority, but when
/// a claim is over its own limits it fails without saying why; this lets us tell the user "too large" rather than "damaged".
/// </summary>
public static class ImageHeader
{
    public static (int Width, int Height)? ClaimedSize(ReadOnlySpan<byte> data, ImageFormat format) => format switch
    {
        ImageFormat.Png when data.Length >= 24 && data[12..16].SequenceEqual("IHDR"u8) =>
            (Int31(BinaryPrimitives.ReadUInt32BigEndian(data[16..])), Int31(BinaryPrimitives.ReadUInt32BigEndian(data[20..]))),
        ImageFormat.Gif when data.Length >= 10 =>
            (BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..])),
        ImageFormat.WebP => WebP(data),
        ImageFormat.Jpeg => Jpeg(data),
        _ => null,
    };

    private static (int, int)? WebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
            return null;
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
            return (UInt24(data[24..]) + 1, UInt24(data[27..]) + 1);
        if (chunk.SequenceEqual("VP8 "u8))
            return (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8) && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        return null;
    }

    /// <summary>Walks the marker segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC).</summary>
    private static (int, int)? Jpeg(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 9 < data.Length)
        {
            if (data[at] != 0xFF)
                return null;
            var marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]));
            if (marker is 0xD9 or 0xDA)
                return null;
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
        }
        return null;
    }

    private static int UInt24(ReadOnlySpan<byte> data) => data[0] | data[1] << 8 | data[2] << 16;

    private static int Int31(uint value) => (int)Math.Min(value, int.MaxValue);
}
