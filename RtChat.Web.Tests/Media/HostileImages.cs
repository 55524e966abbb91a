using System.Text;

namespace RtChat.Web.Tests.Media;

/// <summary>Uploads every image pipeline (avatars, chat pictures) must refuse, each with the reason the user is shown.</summary>
internal static class HostileImages
{
    public const string NotAnImage = "Only JPEG, PNG, GIF or WebP images are accepted.";
    public const string Damaged = "The image could not be read; it may be damaged.";
    public const string TooManyPixels = "The image is too large: at most 8192 pixels a side and 40 megapixels.";
    public const string TooLarge = "The file is larger than 10 MB.";

    public const string Mvg = "push graphic-context\nviewbox 0 0 640 480\nfill 'url(https://127.0.0.1/x.jpg\"|ls \"-la)'\npop graphic-context\n";

    public static IEnumerable<TestCaseData> Refused()
    {
        yield return Case("An_svg", Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"""), NotAnImage);
        yield return Case("Html_renamed_to_png", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), NotAnImage);
        yield return Case("An_ImageTragick_mvg_payload", Encoding.UTF8.GetBytes(Mvg), NotAnImage);
        yield return Case("An_mvg_payload_behind_a_gif_signature_only_ever_decoded_as_gif", [.. "GIF89a"u8, 10, 0, 10, 0, .. Encoding.UTF8.GetBytes("\n" + Mvg)], Damaged);
        var jpeg = TestImages.Encode("JPEG", 300, 200, (x, y) => [(byte)x, (byte)y, (byte)(x ^ y)]);
        yield return Case("A_truncated_jpeg", jpeg[..(jpeg.Length / 2)], Damaged);
        yield return Case("A_png_claiming_50000_by_50000_pixels", HeaderOnlyImages.Png(50_000, 50_000), TooManyPixels);
        yield return Case("A_png_over_40_megapixels_within_8192_a_side", HeaderOnlyImages.Png(8000, 6000), TooManyPixels);
        yield return Case("A_jpeg_claiming_60000_pixels_wide", HeaderOnlyImages.Jpeg(60_000, 100), TooManyPixels);
        var huge = new byte[11 * 1024 * 1024];
        TestImages.Encode("JPEG", 10, 10, (_, _) => [220, 20, 20]).CopyTo(huge, 0);
        yield return Case("A_file_over_10_mb", huge, TooLarge);
        yield return Case("An_empty_upload", [], NotAnImage);
    }

    private static TestCaseData Case(string name, byte[] upload, string message) => new TestCaseData(upload, message).SetName(name + "_is_refused");
}
