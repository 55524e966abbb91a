using RtChat.Web.Domain.Chat;

namespace RtChat.Web.Tests.Domain.Chat;

public sealed class AttachmentNameTests
{
    [TestCase("report.pdf", "report.pdf")]
    [TestCase("../../etc/passwd", "passwd")]
    [TestCase("C:\\Users\\me\\photo.jpg", "photo.jpg")]
    [TestCase("tab\there  and   spaces.txt", "tab here and spaces.txt")]
    [TestCase("cv\u202Egpj.exe", "cvgpj.exe")]
    [TestCase("\u2066isolate\u2069d.txt", "isolated.txt")]
    [TestCase("nul\u0000.txt", "nul.txt")]
    [TestCase("  .hidden.  ", "hidden")]
    [TestCase("", "file")]
    [TestCase(null, "file")]
    [TestCase("😀 smile.png", "😀 smile.png")]
    public void A_name_is_its_last_segment_without_invisible_or_control_characters(string? raw, string cleaned) =>
        Assert.That(AttachmentName.Clean(raw), Is.EqualTo(cleaned));

    [Test]
    public void A_long_name_keeps_its_extension_and_whole_characters()
    {
        var name = AttachmentName.Clean(string.Concat(Enumerable.Repeat("😀", 200)) + ".tar");

        Assert.That(name.Length, Is.LessThanOrEqualTo(AttachmentName.MaxLength));
        Assert.That(name, Does.EndWith("….tar"));
        Assert.That(char.IsHighSurrogate(name[^6]), Is.False, "no half of a pair before the ellipsis");
    }

    [TestCase("application/pdf", "application/pdf")]
    [TestCase("Text/Plain; charset=utf-8", "text/plain")]
    [TestCase("text/html\r\nX-Injected: 1", "application/octet-stream")]
    [TestCase("nonsense", "application/octet-stream")]
    [TestCase(null, "application/octet-stream")]
    public void A_declared_type_is_kept_only_in_its_plain_shape(string? declared, string kept) =>
        Assert.That(AttachmentName.CleanContentType(declared), Is.EqualTo(kept));

    [TestCase("report.pdf", "PDF")]
    [TestCase("archive.tar.gz", "GZ")]
    [TestCase("README", null)]
    [TestCase(".bashrc", null)]
    public void The_kind_is_the_extension_people_know(string name, string? kind) =>
        Assert.That(AttachmentName.KindOf(name), Is.EqualTo(kind));
}
