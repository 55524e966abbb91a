using AngleSharp.Dom;
using Bunit;
using RtChat.Web.Components;

namespace RtChat.Web.Tests.Components;

public sealed class AvatarTests : ComponentTest
{
    private IElement Render(string? url = null, string? alt = null, int? size = null, string? cssClass = null) =>
        Context.Render<Avatar>(p =>
        {
            p.Add(x => x.Url, url);
            if (alt is not null) p.Add(x => x.Alt, alt);
            if (size is { } side) p.Add(x => x.Size, side);
            if (cssClass is not null) p.Add(x => x.Class, cssClass);
        }).Find("img");

    [Test]
    public void Shows_the_uploaded_avatar_at_the_size_asked()
    {
        var image = Render("/media/0123456789abcdef0123456789abcdef.webp", size: 112, cssClass: "rounded-full");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(image.GetAttribute("src"), Is.EqualTo("/media/0123456789abcdef0123456789abcdef.webp"));
            Assert.That(image.GetAttribute("width"), Is.EqualTo("112"));
            Assert.That(image.GetAttribute("height"), Is.EqualTo("112"));
            Assert.That(image.ClassList, Does.Contain("avatar").And.Contain("rounded-full"));
            Assert.That(image.GetAttribute("loading"), Is.EqualTo("lazy"));
        }
    }

    [Test]
    public void Without_an_uploaded_avatar_shows_the_default_one()
    {
        var image = Render(url: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(image.GetAttribute("src"), Is.EqualTo("/images/avatar.svg"));
            Assert.That(image.GetAttribute("src"), Is.EqualTo(RtChat.Web.Domain.Profile.DefaultAvatarUrl));
            Assert.That(image.GetAttribute("width"), Is.EqualTo("40"), "the default size");
        }
    }

    [Test]
    public void The_alt_text_names_the_person()
    {
        var image = Render("/media/0123456789abcdef0123456789abcdef.webp", alt: "Alice's avatar");

        Assert.That(image.GetAttribute("alt"), Is.EqualTo("Alice's avatar"));
    }

    [Test]
    public void Without_alt_text_the_image_is_decorative_not_unlabelled()
    {
        var image = Render();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(image.HasAttribute("alt"), Is.True, "an img without alt is read out by its file name");
            Assert.That(image.GetAttribute("alt"), Is.Empty, "empty: the name sits beside it");
        }
    }

    [Test]
    public void The_alt_text_is_encoded_not_markup()
    {
        var avatar = Context.Render<Avatar>(p => p.Add(x => x.Alt, "\"><script>alert(1)</script>"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(avatar.Find("img").GetAttribute("alt"), Is.EqualTo("\"><script>alert(1)</script>"));
            Assert.That(avatar.FindAll("script"), Is.Empty);
            Assert.That(avatar.Nodes.OfType<IElement>().Select(e => e.LocalName), Is.EqualTo(new[] { "img" }), "one element: the image");
        }
    }
}
